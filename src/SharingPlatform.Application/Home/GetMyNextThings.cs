using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Home;

/// <summary>
/// For the home page of a signed-in person: their next booking, lab session and circle meeting (each the soonest not yet
/// ended), and for a member of an organization how many booking requests wait for their organizations (null for someone
/// who belongs to none). One query for all four, with no count of the rest.
/// </summary>
public sealed record GetMyNextThings : IQuery<MyNextThings>;

public sealed record MyNextThings(BookingView? Booking, LabBookingView? LabSession, MeetingSummary? Meeting, int? WaitingRequests);

public sealed class GetMyNextThingsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetMyNextThings, MyNextThings>
{
    public async ValueTask<MyNextThings> Handle(GetMyNextThings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var bookings = db.Views(db.Bookings.AsNoTracking()
            .Where(b => b.BookerId == userId && b.EndsAt > now).OrderBy(b => b.StartsAt).ThenBy(b => b.Id));
        var sessions = db.Views(db.LabBookings
            .Where(b => b.BookerId == userId && b.SlotEndsAt > now).OrderBy(b => b.SlotStartsAt).ThenBy(b => b.Id));
        var myCircles = db.Circles.Where(c => c.Status == CircleStatus.Active
            && db.CircleMembers.Any(cm => cm.CircleId == c.Id && cm.UserId == userId && cm.Status == MemberStatus.Active));
        var meetings = db.MeetingSummaries(db.UpcomingMeetings(myCircles, now));
        var ours = db.Resources.OfOrganizationsOf(db, userId).Select(r => r.Id);
        // The requests are counted only for a member: PostgreSQL runs the count's subquery only when its branch is taken.
        return await db.Users.Where(u => u.Id == userId)
            .Select(u => new MyNextThings(
                bookings.FirstOrDefault(),
                sessions.FirstOrDefault(),
                meetings.FirstOrDefault(),
                db.OrganizationMembers.Any(m => m.UserId == userId)
                    ? db.Bookings.Count(b => b.Status == BookingStatus.Pending && ours.Contains(b.ResourceId))
                    : null))
            .SingleAsync(cancellationToken);
    }
}
