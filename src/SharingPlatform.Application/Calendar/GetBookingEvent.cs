using SharingPlatform.Application.Bookings;

namespace SharingPlatform.Application.Calendar;

/// <summary>
/// One booking as a calendar event, for whoever may read the booking (its booker, the owning organization,
/// administrators): the file a person adds to their calendar after booking, the same event as in their calendar feed.
/// </summary>
public sealed record GetBookingEvent(Guid BookingId) : IQuery<CalendarEntry>;

public sealed class GetBookingEventHandler(IApplicationDbContext db, ICurrentUser currentUser, IAppLinks links) : IQueryHandler<GetBookingEvent, CalendarEntry>
{
    public async ValueTask<CalendarEntry> Handle(GetBookingEvent query, CancellationToken cancellationToken)
    {
        await db.LoadAsync(query.BookingId, currentUser, cancellationToken);
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.Id == query.BookingId)
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { b.Id, r.Title, r.Address, b.Purpose, b.StartsAt, b.EndsAt })
            .SingleAsync(cancellationToken);
        return CalendarEntry.Booking(links, booking.Id, booking.Title, booking.Address, booking.Purpose, booking.StartsAt, booking.EndsAt);
    }
}
