namespace SharingPlatform.Application.Notifications;

/// <summary>The person read (or opened) one notification; answers it, with the link to what it is about. Someone else's is 404.</summary>
public sealed record MarkNotificationRead(Guid Id) : ICommand<NotificationView>;

public sealed class MarkNotificationReadHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MarkNotificationRead, NotificationView>
{
    public async ValueTask<NotificationView> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.Id && n.RecipientId == userId, cancellationToken)
            ?? throw new NotFoundException(Texts.Get("NoSuchNotification"));
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return NotificationView.Of(notification);
    }
}
