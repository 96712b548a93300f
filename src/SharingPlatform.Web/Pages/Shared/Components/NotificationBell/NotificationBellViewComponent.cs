using Mediator;
using Microsoft.AspNetCore.Mvc;
using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Web.Pages.Shared.Components.NotificationBell;

/// <summary>The bell in the header of a signed-in person: a link to the inbox with the number of unread notifications.</summary>
public sealed class NotificationBellViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await sender.Send(new CountUnreadNotifications(), HttpContext.RequestAborted));
}
