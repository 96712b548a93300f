namespace SharingPlatform.Web.Api;

public static class NotificationsEndpoints
{
    public static void MapNotificationsEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();

        notifications.MapGet("", async (bool? unreadOnly, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListNotifications(unreadOnly ?? false, page ?? 1, pageSize ?? 20), ct)));
        notifications.MapPost("/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new MarkNotificationRead(id), ct);
            return TypedResults.NoContent();
        });
        notifications.MapPost("/read-all", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await sender.Send(new MarkAllNotificationsRead(), ct) }));
    }
}
