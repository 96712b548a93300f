using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// A member cancels their answer before the meeting starts. A going member's place goes at once to the first waitlisted
/// by arrival, who is told; with the meeting's row locked, however many cancel at once nobody is promoted twice.
/// </summary>
public sealed record CancelRsvp(Guid MeetingId) : ICommand;

public sealed class CancelRsvpHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<CancelRsvp>
{
    public async ValueTask<Unit> Handle(CancelRsvp command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockMeetingAsync(command.MeetingId, cancellationToken);
        var (meeting, caller) = await db.MeetingCallerAsync(command.MeetingId, currentUser, track: true, cancellationToken);
        var rsvp = await db.Rsvps.SingleOrDefaultAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, cancellationToken)
            ?? throw new IllegalTransitionException("rsvp_not_active", "You have no answer to cancel.");
        var wasGoing = rsvp.Status == RsvpStatus.Going;
        rsvp.Cancel(meeting, now);
        if (wasGoing)
        {
            await notices.NotGoingAsync(meeting, userId, cancellationToken);
            if (caller.Circle.Status == CircleStatus.Active)
                await db.PromoteAsync(notices, caller.Circle.Title, meeting, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
