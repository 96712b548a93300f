using SharingPlatform.Application.Bookings;

namespace SharingPlatform.Application.Labs;

/// <summary>The signed-in person's lab sessions: upcoming (not yet ended) soonest first, past latest first, or all latest first.</summary>
public sealed record ListMyLabBookings(BookingTimeframe When = BookingTimeframe.All, int Page = 1, int PageSize = 20) : IQuery<PagedList<LabBookingView>>;

public sealed class ListMyLabBookingsValidator : AbstractValidator<ListMyLabBookings>
{
    public ListMyLabBookingsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.When).IsInEnum();
    }
}

public sealed class ListMyLabBookingsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyLabBookings, PagedList<LabBookingView>>
{
    public async ValueTask<PagedList<LabBookingView>> Handle(ListMyLabBookings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var mine = db.LabBookings.Where(b => b.BookerId == userId);
        var ordered = query.When switch
        {
            BookingTimeframe.Upcoming => mine.Where(b => b.SlotEndsAt > now).OrderBy(b => b.SlotStartsAt),
            BookingTimeframe.Past => mine.Where(b => b.SlotEndsAt <= now).OrderByDescending(b => b.SlotStartsAt),
            _ => mine.OrderByDescending(b => b.SlotStartsAt),
        };
        return await db.Views(ordered.ThenBy(b => b.Id)).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
