using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Accounts;

/// <summary>
/// What the header's personal menu needs on every signed-in page, in one round trip: whether the person belongs to an
/// organization (for "my organizations") and the number on the bell, their unread notifications, counted no further
/// than <see cref="MyMenu.UnreadCountCap"/> + 1: a manager whose inbox holds thousands would otherwise count them all
/// on every page.
/// </summary>
public sealed record GetMyMenu : IQuery<MyMenu>;

public sealed record MyMenu(bool BelongsToOrganization, int UnreadNotifications)
{
    /// <summary>The bell shows at most this number; more unread notifications show as "99+".</summary>
    public const int UnreadCountCap = 99;
}

public sealed class GetMyMenuHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyMenu, MyMenu>
{
    // Compiled once: every signed-in page asks, and building the query and extracting its parameters each time cost
    // more of a page's CPU than running it. A compiled query takes the DbContext itself, which the interface is.
    private static readonly Func<DbContext, Guid, CancellationToken, Task<MyMenu?>> Menu = EF.CompileAsyncQuery(
        (DbContext context, Guid userId, CancellationToken _) => context.Set<User>().Where(u => u.Id == userId)
            .Select(u => new MyMenu(
                context.Set<OrganizationMember>().Any(m => m.UserId == userId),
                context.Set<Notification>().Where(n => n.RecipientId == userId && n.ReadAt == null).Take(MyMenu.UnreadCountCap + 1).Count()))
            .SingleOrDefault());

    public async ValueTask<MyMenu> Handle(GetMyMenu query, CancellationToken cancellationToken) =>
        await Menu((DbContext)db, currentUser.RequireId(), cancellationToken) ?? new MyMenu(false, 0);
}
