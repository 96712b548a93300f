namespace SharingPlatform.Web.Pages.Notifications;

/// <summary>The inbox: the person's notifications, newest first (all, or only the unread), paged; open one, mark it or all read.</summary>
[Authorize]
public sealed class IndexModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Inbox Inbox { get; private set; } = null!;

    public PagedList<NotificationView> Notifications => Inbox.Notifications;

    public int PageCount => (Notifications.TotalCount + Notifications.PageSize - 1) / Notifications.PageSize;

    [TempData]
    public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Marks the notification read and goes to what it is about.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await MarkReadAsync(id, cancellationToken);
        return notification is null ? Page() : LocalRedirect(notification.Link);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await MarkReadAsync(id, cancellationToken) is null)
            return Page();
        Done = "NotificationMarkedRead";
        return RedirectToPage(RouteFor(PageNumber));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new MarkAllNotificationsRead(), cancellationToken);
        Done = "AllNotificationsMarkedRead";
        return RedirectToPage(RouteFor(1));
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["pageNumber"] = page.ToString(CultureInfo.InvariantCulture) };
        if (UnreadOnly)
            values["unreadOnly"] = "true";
        return values;
    }

    private async Task<NotificationView?> MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.Send(new MarkNotificationRead(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError("", localizer["NotificationGone"]);
            await LoadAsync(cancellationToken);
            return null;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Inbox = await sender.Send(new ListNotifications(UnreadOnly, Math.Max(1, PageNumber), PageSize), cancellationToken);
}
