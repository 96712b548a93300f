using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// After a meeting ends, a host records who came: every member who was going is marked attended or not (recording again
/// replaces it). Someone listed who was not going is refused (422 <c>attendee_not_going</c>).
/// </summary>
public sealed record RecordAttendance(Guid MeetingId, IReadOnlyList<Guid> AttendedUserIds) : ICommand<MeetingView>;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator() => RuleFor(c => c.AttendedUserIds).NotNull().Must(ids => ids.Count <= Meeting.MaxCapacity);
}

public sealed class RecordAttendanceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordAttendance, MeetingView>
{
    public async ValueTask<MeetingView> Handle(RecordAttendance command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockMeetingAsync(command.MeetingId, cancellationToken);
            var (meeting, caller) = await db.MeetingCallerAsync(command.MeetingId, currentUser, track: true, cancellationToken);
            caller.RequireActiveHost();
            meeting.RequireEnded(now);
            var going = await db.Rsvps.Where(r => r.MeetingId == meeting.Id && r.Status == RsvpStatus.Going).ToListAsync(cancellationToken);
            var attended = command.AttendedUserIds.ToHashSet();
            if (attended.Except(going.Select(r => r.UserId)).Any())
                throw new DomainRuleException("attendee_not_going", "Attendance is recorded for members who were going.");
            foreach (var rsvp in going)
                rsvp.RecordAttendance(meeting, attended.Contains(rsvp.UserId), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.MeetingViewAsync(command.MeetingId, currentUser, cancellationToken);
    }
}
