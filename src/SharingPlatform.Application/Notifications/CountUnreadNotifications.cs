namespace SharingPlatform.Application.Notifications;

/// <summary>The number on the bell in the header: the signed-in person's unread notifications.</summary>
public sealed record CountUnreadNotifications : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<CountUnreadNotifications, int>
{
    public async ValueTask<int> Handle(CountUnreadNotifications query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
    }
}
