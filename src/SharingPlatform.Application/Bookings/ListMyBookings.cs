namespace SharingPlatform.Application.Bookings;

public enum BookingTimeframe
{
    All,
    Upcoming,
    Past,
}

/// <summary>The signed-in person's bookings: upcoming (not yet ended) soonest first, past latest first, or all latest first.</summary>
public sealed record ListMyBookings(BookingTimeframe When = BookingTimeframe.All, int Page = 1, int PageSize = 20) : IQuery<PagedList<BookingView>>;

public sealed class ListMyBookingsValidator : AbstractValidator<ListMyBookings>
{
    public ListMyBookingsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.When).IsInEnum();
    }
}

public sealed class ListMyBookingsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListMyBookings, PagedList<BookingView>>
{
    public async ValueTask<PagedList<BookingView>> Handle(ListMyBookings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var mine = db.Bookings.AsNoTracking().Where(b => b.BookerId == userId);
        var ordered = query.When switch
        {
            BookingTimeframe.Upcoming => mine.Where(b => b.EndsAt > now).OrderBy(b => b.StartsAt),
            BookingTimeframe.Past => mine.Where(b => b.EndsAt <= now).OrderByDescending(b => b.StartsAt),
            _ => mine.OrderByDescending(b => b.StartsAt),
        };
        return await ordered.ThenBy(b => b.Id).ToPagedListAsync(db.Views, query.Page, query.PageSize, cancellationToken);
    }
}
