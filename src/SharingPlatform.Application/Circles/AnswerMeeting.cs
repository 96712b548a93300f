using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// A member answers going (RSVP): going while there is room, else waitlisted at the end, with their position. The
/// meeting's row is locked first, so however many answer at once the capacity is never exceeded and the waitlist follows
/// the order of arrival (the identity column <c>arrival</c>). Answering again changes nothing. 422 <c>not_a_circle_member</c>
/// for a non-member, <c>rsvp_closed</c> once the meeting has started, <c>circle_suspended</c> (to its hosts) while the
/// circle is suspended.
/// </summary>
public sealed record AnswerMeeting(Guid MeetingId) : ICommand<RsvpAnswer>;

public sealed class AnswerMeetingHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<AnswerMeeting, RsvpAnswer>
{
    public async ValueTask<RsvpAnswer> Handle(AnswerMeeting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var circleId = await db.Meetings.Where(m => m.Id == command.MeetingId).Select(m => (Guid?)m.CircleId).SingleOrDefaultAsync(cancellationToken)
            ?? throw CircleAccess.MeetingNotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RefuseIfSuspendedAsync(currentUser.RequireId(), shareRow: true, cancellationToken);
        await db.ShareMembershipAsync(circleId, currentUser.RequireId(), cancellationToken);
        await db.LockMeetingAsync(command.MeetingId, cancellationToken);
        var (meeting, caller) = await db.MeetingCallerAsync(command.MeetingId, currentUser, track: true, cancellationToken);
        caller.Circle.RequireActive();
        var userId = caller.RequireMember();
        var existing = await db.Rsvps.SingleOrDefaultAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, cancellationToken);
        if (existing is { IsActive: true })
        {
            meeting.RequireOpenForRsvp(now);
            return new RsvpAnswer(existing.Status, existing.Status == RsvpStatus.Waitlisted
                ? await db.Rsvps.CountAsync(r => r.MeetingId == meeting.Id && r.Status == RsvpStatus.Waitlisted && r.Arrival <= existing.Arrival, cancellationToken)
                : null);
        }

        var counts = await db.Rsvps.Where(r => r.MeetingId == meeting.Id && r.Status != RsvpStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var rsvp = meeting.Answer(userId, counts.GetValueOrDefault(RsvpStatus.Going), now);
        if (existing is not null)
        {
            // A new answer arrives now: it takes a new arrival number, behind everyone already waiting.
            db.Rsvps.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.Rsvps.Add(rsvp);
        if (rsvp.Status == RsvpStatus.Going)
            notices.Going(meeting, userId, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RsvpAnswer(rsvp.Status, rsvp.Status == RsvpStatus.Waitlisted ? counts.GetValueOrDefault(RsvpStatus.Waitlisted) + 1 : null);
    }
}
