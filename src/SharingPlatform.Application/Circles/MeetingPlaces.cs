using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>A meeting's place as a host gives it: free text, or one of their own pending or confirmed bookings (with a note).</summary>
public static class MeetingPlaces
{
    public static async Task<MeetingPlace> PlaceAsync(this IApplicationDbContext db, string? place, Guid? bookingId, CancellationToken cancellationToken)
    {
        if (bookingId is not { } id)
            return new MeetingPlace(place);
        var booking = await db.Bookings.AsNoTracking().Holding()
            .Where(b => b.Id == id)
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { b.Id, b.BookerId, b.StartsAt, b.EndsAt, r.Capacity })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("booking_not_usable", "Choose one of your pending or confirmed bookings.");
        return new MeetingPlace(place, new MeetingVenue(booking.Id, booking.BookerId, new Period(booking.StartsAt, booking.EndsAt), booking.Capacity));
    }

    /// <summary>The place a meeting already has, to keep it when the meeting moves.</summary>
    public static async Task<MeetingPlace> CurrentPlaceAsync(this IApplicationDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.BookingId is not { } id)
            return new MeetingPlace(meeting.Place);
        var booking = await db.Bookings.AsNoTracking().Where(b => b.Id == id)
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { b.Id, b.BookerId, b.StartsAt, b.EndsAt, r.Capacity })
            .SingleAsync(cancellationToken);
        return new MeetingPlace(meeting.Place, new MeetingVenue(booking.Id, booking.BookerId, new Period(booking.StartsAt, booking.EndsAt), booking.Capacity));
    }

    public static async Task<int?> RoomCapacityAsync(this IApplicationDbContext db, Meeting meeting, CancellationToken cancellationToken) =>
        meeting.BookingId is { } id
            ? await db.Bookings.Where(b => b.Id == id).Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => r.Capacity).SingleAsync(cancellationToken)
            : null;
}
