namespace SharingPlatform.Application.Accounts;

/// <summary>
/// What the header's personal menu needs on every signed-in page, in one round trip: whether the person belongs to an
/// organization (for "my organizations") and the number on the bell, their unread notifications.
/// </summary>
public sealed record GetMyMenu : IQuery<MyMenu>;

public sealed record MyMenu(bool BelongsToOrganization, int UnreadNotifications);

public sealed class GetMyMenuHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyMenu, MyMenu>
{
    public async ValueTask<MyMenu> Handle(GetMyMenu query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.Users.Where(u => u.Id == userId)
            .Select(u => new MyMenu(
                db.OrganizationMembers.Any(m => m.UserId == userId),
                db.Notifications.Count(n => n.RecipientId == userId && n.ReadAt == null)))
            .SingleOrDefaultAsync(cancellationToken) ?? new MyMenu(false, 0);
    }
}
