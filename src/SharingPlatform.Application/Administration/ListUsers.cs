namespace SharingPlatform.Application.Administration;

public enum UserStatusFilter
{
    All,
    Suspended,
    Paused,
}

/// <summary>People with an account, for administrators: found by email or display name, newest first.</summary>
public sealed record ListUsers(string? Q = null, UserStatusFilter Status = UserStatusFilter.All, int Page = 1, int PageSize = 50) : IQuery<PagedList<UserSummary>>;

public sealed record UserSummary(
    Guid Id, string DisplayName, string Email, DateTimeOffset RegisteredAt, DateTimeOffset? SuspendedAt, DateTimeOffset? BookingPausedUntil);

public sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Status).IsInEnum();
        this.ValidPage(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListUsersHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListUsers, PagedList<UserSummary>>
{
    public async ValueTask<PagedList<UserSummary>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        var users = db.Users.AsNoTracking();
        var text = query.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        users = query.Status switch
        {
            UserStatusFilter.Suspended => users.Where(u => u.SuspendedAt != null),
            UserStatusFilter.Paused => users.Where(u => u.BookingPausedUntil > now),
            _ => users,
        };
        return await users
            .OrderByDescending(u => u.RegisteredAt).ThenBy(u => u.Id)
            .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email!, u.RegisteredAt, u.SuspendedAt, u.BookingPausedUntil > now ? u.BookingPausedUntil : null))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
