namespace SharingPlatform.Application.Administration;

/// <summary>People whose booking is paused for no-shows now, the pause ending soonest first, with their recent no-shows.</summary>
public sealed record ListPausedBookers(int Page = 1, int PageSize = 50) : IQuery<PagedList<PausedBooker>>;

public sealed record PausedBooker(Guid UserId, string DisplayName, string Email, DateTimeOffset PausedUntil, int NoShowsIn90Days);

public sealed class ListPausedBookersValidator : AbstractValidator<ListPausedBookers>
{
    public ListPausedBookersValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListPausedBookersHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListPausedBookers, PagedList<PausedBooker>>
{
    public async ValueTask<PagedList<PausedBooker>> Handle(ListPausedBookers query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        var since = now - User.NoShowWindow;
        return await db.Users.AsNoTracking()
            .Where(u => u.BookingPausedUntil > now)
            .OrderBy(u => u.BookingPausedUntil).ThenBy(u => u.Id)
            .Select(u => new PausedBooker(u.Id, u.DisplayName, u.Email!, u.BookingPausedUntil!.Value,
                db.Bookings.Count(b => b.BookerId == u.Id && b.Status == BookingStatus.NoShow && b.StartsAt >= since)))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
