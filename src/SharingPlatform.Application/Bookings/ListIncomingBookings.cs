using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Bookings;

/// <summary>
/// Bookings of the caller's organizations' resources, soonest first: optionally of one resource, on one Seoul date, or of
/// one status (e.g. pending requests).
/// </summary>
public sealed record ListIncomingBookings(
    BookingStatus? Status = null, Guid? ResourceId = null, DateOnly? Date = null, int Page = 1, int PageSize = 20) : IQuery<PagedList<BookingView>>;

public sealed class ListIncomingBookingsValidator : AbstractValidator<ListIncomingBookings>
{
    public ListIncomingBookingsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class ListIncomingBookingsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListIncomingBookings, PagedList<BookingView>>
{
    public async ValueTask<PagedList<BookingView>> Handle(ListIncomingBookings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var ours = db.Resources.OfOrganizationsOf(db, userId).Select(r => r.Id);
        var bookings = db.Bookings.AsNoTracking().Where(b => ours.Contains(b.ResourceId));
        if (query.Status is { } status)
            bookings = bookings.Where(b => b.Status == status);
        if (query.ResourceId is { } resourceId)
            bookings = bookings.Where(b => b.ResourceId == resourceId);
        if (query.Date is { } date)
        {
            var dayStart = SeoulTime.StartOf(date);
            var dayEnd = SeoulTime.StartOf(date.AddDays(1));
            bookings = bookings.Where(b => b.StartsAt < dayEnd && b.EndsAt > dayStart);
        }

        return await bookings.OrderBy(b => b.StartsAt).ThenBy(b => b.Id).ToPagedListAsync(db.Views, query.Page, query.PageSize, cancellationToken);
    }
}
