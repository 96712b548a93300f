using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Bookings;

/// <summary>The signed-in person's bookings, the latest start first.</summary>
public sealed record ListMyBookings(int Page = 1, int PageSize = 20) : IQuery<PagedList<BookingView>>;

public sealed class ListMyBookingsValidator : AbstractValidator<ListMyBookings>
{
    public ListMyBookingsValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyBookingsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListMyBookings, PagedList<BookingView>>
{
    public async ValueTask<PagedList<BookingView>> Handle(ListMyBookings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.Bookings.AsNoTracking()
            .Where(b => b.BookerId == userId)
            .OrderByDescending(b => b.StartsAt)
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new BookingView(
                b.Id, b.ResourceId, r.Title, b.StartsAt, b.EndsAt, b.Attendees, b.Purpose, b.Status, b.StatusReason, b.SeriesId, b.CreatedAt))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
