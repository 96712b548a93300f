using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// A host changes a meeting's capacity before it starts: never below those going, nor beyond a booked room's capacity.
/// Growing it promotes as many waitlisted members as there are new places, at once, in arrival order (row locked).
/// </summary>
public sealed record ChangeMeetingCapacity(Guid Id, int Capacity) : ICommand<MeetingView>;

public sealed class ChangeMeetingCapacityValidator : AbstractValidator<ChangeMeetingCapacity>
{
    public ChangeMeetingCapacityValidator() => RuleFor(c => c.Capacity).InclusiveBetween(1, Meeting.MaxCapacity);
}

public sealed class ChangeMeetingCapacityHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<ChangeMeetingCapacity, MeetingView>
{
    public async ValueTask<MeetingView> Handle(ChangeMeetingCapacity command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockMeetingAsync(command.Id, cancellationToken);
            var (meeting, caller) = await db.MeetingCallerAsync(command.Id, currentUser, track: true, cancellationToken);
            caller.RequireActiveHost();
            var going = await db.Rsvps.CountAsync(r => r.MeetingId == meeting.Id && r.Status == RsvpStatus.Going, cancellationToken);
            meeting.ChangeCapacity(command.Capacity, going, await db.RoomCapacityAsync(meeting, cancellationToken), now);
            await db.PromoteAsync(notices, caller.Circle.Title, meeting, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.MeetingViewAsync(command.Id, currentUser, cancellationToken);
    }
}
