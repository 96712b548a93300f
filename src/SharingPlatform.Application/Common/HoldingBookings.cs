namespace SharingPlatform.Application.Common;

/// <summary>The bookings that hold their time (<see cref="Booking.Holding"/>: pending or confirmed), as every query asks for them.</summary>
public static class HoldingBookings
{
    public static IQueryable<Booking> Holding(this IQueryable<Booking> bookings) =>
        bookings.Where(b => b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed);

    /// <summary>The holding bookings of a resource whose blocked time (the booking and its buffer) meets [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static IQueryable<Booking> HoldingOn(this IApplicationDbContext db, Guid resourceId, DateTimeOffset from, DateTimeOffset until) =>
        db.Bookings.Holding().Where(b => b.ResourceId == resourceId && b.StartsAt < until && b.BlockedUntil > from);
}
