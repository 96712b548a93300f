using SharingPlatform.Domain.Bookings;

namespace SharingPlatform.Application.Bookings;

/// <summary>A booking as the API shows it: <c>{ id, resourceId, startsAt, endsAt, attendees, purpose, status, seriesId }</c>.</summary>
public sealed record BookingView(
    Guid Id, Guid ResourceId, string ResourceTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Attendees, string Purpose,
    BookingStatus Status, string? StatusReason, Guid? SeriesId, DateTimeOffset CreatedAt)
{
    public static BookingView From(Booking b, string title) => new(
        b.Id, b.ResourceId, title, b.StartsAt, b.EndsAt, b.Attendees, b.Purpose, b.Status, b.StatusReason, b.SeriesId, b.CreatedAt);
}
