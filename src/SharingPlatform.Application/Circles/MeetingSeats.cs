using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>Freed places of a meeting go to the first waitlisted by arrival, at once. Call with the meeting's row locked.</summary>
public static class MeetingSeats
{
    public static async Task<IReadOnlyList<Rsvp>> PromoteAsync(
        this IApplicationDbContext db, CircleNotices notices, string circleTitle, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answers = await db.Rsvps
            .Where(r => r.MeetingId == meeting.Id && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted))
            .ToListAsync(cancellationToken);
        var promoted = meeting.Promote(answers, now);
        await notices.PromotedAsync(circleTitle, meeting, promoted, now, cancellationToken);
        return promoted;
    }

    /// <summary>
    /// A member who leaves or is removed gives up their answers to the circle's meetings that have not started, and their
    /// places go to the waitlist. Locks those meetings one by one in id order (after the circle, like every
    /// membership change), so it never deadlocks with an RSVP. The membership's change is written first: an answer being
    /// given at that moment holds the membership row, so it commits before, and is found here.
    /// </summary>
    public static async Task ReleaseAnswersAsync(
        this IApplicationDbContext db, CircleNotices notices, Circle circle, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var meetingIds = await db.Rsvps.AsNoTracking()
            .Where(r => r.UserId == userId && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted))
            .Join(db.Meetings.Where(m => m.CircleId == circle.Id && m.Status == MeetingStatus.Scheduled && m.StartsAt > now), r => r.MeetingId, m => m.Id, (r, m) => m.Id)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        foreach (var meetingId in meetingIds)
        {
            await db.LockMeetingAsync(meetingId, cancellationToken);
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
            var rsvp = await db.Rsvps.SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.UserId == userId, cancellationToken);
            if (rsvp is null || !rsvp.IsActive || !meeting.IsScheduled || now >= meeting.StartsAt)
                continue;
            rsvp.Cancel(meeting, now);
            await notices.NotGoingAsync(meeting, userId, cancellationToken);
            await db.PromoteAsync(notices, circle.Title, meeting, now, cancellationToken);
        }
    }
}
