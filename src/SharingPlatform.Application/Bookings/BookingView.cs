namespace SharingPlatform.Application.Bookings;

/// <summary>A booking as the API shows it: <c>{ id, resourceId, startsAt, endsAt, attendees, purpose, status, seriesId }</c> and more.</summary>
public sealed record BookingView(
    Guid Id, Guid ResourceId, string ResourceTitle, Guid OrganizationId, Guid BookerId, string BookerName,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Attendees, string Purpose, BookingStatus Status, string? StatusReason,
    Guid? SeriesId, bool RequiresCheckIn, DateTimeOffset? CheckedInAt, DateTimeOffset CreatedAt);

public static class BookingViews
{
    public static IQueryable<BookingView> Views(this IApplicationDbContext db, IQueryable<Booking> bookings) =>
        from b in bookings
        join r in db.Resources on b.ResourceId equals r.Id
        join u in db.Users on b.BookerId equals u.Id
        select new BookingView(
            b.Id, b.ResourceId, r.Title, r.OrganizationId, b.BookerId, u.DisplayName, b.StartsAt, b.EndsAt, b.Attendees, b.Purpose,
            b.Status, b.StatusReason, b.SeriesId, b.RequiresCheckIn, b.CheckedInAt, b.CreatedAt);

    public static BookingView From(Booking b, SharedResource resource, string bookerName) => new(
        b.Id, b.ResourceId, resource.Title, resource.OrganizationId, b.BookerId, bookerName, b.StartsAt, b.EndsAt, b.Attendees, b.Purpose,
        b.Status, b.StatusReason, b.SeriesId, b.RequiresCheckIn, b.CheckedInAt, b.CreatedAt);

    public static Task<BookingView> ViewAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Views(db.Bookings.AsNoTracking().Where(b => b.Id == id)).SingleAsync(cancellationToken);
}
