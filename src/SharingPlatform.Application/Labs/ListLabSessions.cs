namespace SharingPlatform.Application.Labs;

/// <summary>
/// The manager console's sessions of a lab, with people and equipment: those of one Seoul date (today by default), or
/// with <see cref="Upcoming"/> those not yet ended from now on; in slot order. Filters by status.
/// </summary>
public sealed record ListLabSessions(Guid LabId, DateOnly? Date = null, bool Upcoming = false, LabBookingStatus? Status = null, int Page = 1, int PageSize = 100)
    : IQuery<PagedList<LabBookingView>>;

public sealed class ListLabSessionsValidator : AbstractValidator<ListLabSessions>
{
    public ListLabSessionsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class ListLabSessionsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListLabSessions, PagedList<LabBookingView>>
{
    public async ValueTask<PagedList<LabBookingView>> Handle(ListLabSessions query, CancellationToken cancellationToken)
    {
        await db.RequireManagerAsync(query.LabId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        var sessions = db.LabBookings.Where(b => b.LabId == query.LabId);
        if (query.Upcoming)
        {
            sessions = sessions.Where(b => b.SlotEndsAt > now);
        }
        else
        {
            var date = query.Date ?? SeoulTime.DateOf(now);
            var from = SeoulTime.StartOf(date);
            var to = SeoulTime.StartOf(date.AddDays(1));
            sessions = sessions.Where(b => b.SlotStartsAt >= from && b.SlotStartsAt < to);
        }

        if (query.Status is { } status)
            sessions = sessions.Where(b => b.Status == status);
        return await db.Views(sessions.OrderBy(b => b.SlotStartsAt).ThenBy(b => b.CreatedAt).ThenBy(b => b.Id))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
