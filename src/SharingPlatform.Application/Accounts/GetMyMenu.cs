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
    public async ValueTask<MyMenu> Handle(GetMyMenu query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.Users.Where(u => u.Id == userId)
            .Select(u => new MyMenu(
                db.OrganizationMembers.Any(m => m.UserId == userId),
                db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null).Take(MyMenu.UnreadCountCap + 1).Count()))
            .SingleOrDefaultAsync(cancellationToken) ?? new MyMenu(false, 0);
    }
}
