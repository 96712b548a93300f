namespace SharingPlatform.Application.Notifications;

/// <summary>The signed-in person's inbox, newest first (only the unread ones on request), with the count of unread.</summary>
public sealed record ListNotifications(bool UnreadOnly = false, int Page = 1, int PageSize = 20) : IQuery<Inbox>;

public sealed record NotificationView(
    Guid Id, NotificationKind Kind, Language Language, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView Of(Notification n) => new(n.Id, n.Kind, n.Language, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}

public sealed record Inbox(int UnreadCount, PagedList<NotificationView> Notifications);

public sealed class ListNotificationsValidator : AbstractValidator<ListNotifications>
{
    public ListNotificationsValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListNotificationsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListNotifications, Inbox>
{
    public async ValueTask<Inbox> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var page = await (query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Language, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new Inbox(unread, page);
    }
}
