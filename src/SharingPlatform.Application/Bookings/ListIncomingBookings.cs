using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Bookings;

namespace SharingPlatform.Application.Bookings;

/// <summary>Bookings of the caller's organizations' resources, soonest first; optionally only one status (e.g. pending requests).</summary>
public sealed record ListIncomingBookings(BookingStatus? Status = null, int Page = 1, int PageSize = 20) : IQuery<PagedList<BookingView>>;

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
        var resources = db.Resources.Where(r => db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == userId));
        var bookings = db.Bookings.AsNoTracking().AsQueryable();
        if (query.Status is { } status)
            bookings = bookings.Where(b => b.Status == status);
        return await bookings
            .OrderBy(b => b.StartsAt)
            .Join(resources, b => b.ResourceId, r => r.Id, (b, r) => new BookingView(
                b.Id, b.ResourceId, r.Title, b.StartsAt, b.EndsAt, b.Attendees, b.Purpose, b.Status, b.StatusReason, b.SeriesId, b.CreatedAt))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
