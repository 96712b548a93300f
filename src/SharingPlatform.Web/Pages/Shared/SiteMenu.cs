namespace SharingPlatform.Web.Pages.Shared;

/// <summary>A link of the header's menus: the resource key of its text, and the page (or, outside Razor Pages, the path) it opens.</summary>
public sealed record MenuLink(string TextKey, string? Page, string? Query = null, string? Path = null, int? Unread = null);

/// <summary>A group of the header's menus: on a desktop a drop-down of the main menu bar, or with <paramref name="InBar"/> its links stand in the bar itself.</summary>
public sealed record MenuGroup(string Id, string HeadingKey, IReadOnlyList<MenuLink> Links, bool InBar = false);

/// <summary>What the header offers this person: the same groups on a desktop (main menu bar) and on a phone (the menu button's panel).</summary>
public sealed record SiteMenu(bool SignedIn, int UnreadNotifications, IReadOnlyList<MenuGroup> Groups)
{
    public static SiteMenu For(bool signedIn, bool hasOrganizations, bool administrator, int unreadNotifications)
    {
        List<MenuGroup> groups =
        [
            new("find", "FindMenu", [new("MainNavigationResources", "/Resources/Index"), new("MainNavigationLabs", "/Labs/Index"), new("StudyCirclesLink", "/Circles/Index"), new("ProposalsLink", "/Proposals/Index"), new("StoriesLink", "/Stories/Index")], InBar: true),
        ];
        if (signedIn)
        {
            groups.Add(new("mine", "MyMenu",
            [
                new("MyBookingsLink", "/Bookings/Mine"),
                new("MyLoansLink", "/Loans/Mine"),
                new("MyLabSessionsLink", "/Labs/Mine"),
                new("MyCirclesLink", "/Circles/Mine"),
                new("MyFavouritesLink", "/Favourites/Index"),
                new("NotificationsLink", "/Notifications/Index", Unread: unreadNotifications),
                new("MyAccount", "/Account/Manage"),
            ]));
            groups.Add(new("organization", "OrganizationMenu", hasOrganizations
                ? [new("MyOrganizations", "/Organizations/Index"), new("IncomingLink", "/Bookings/Incoming"), new("LendingDeskLink", "/Loans/Desk"), new("RegisterOrganizationLink", "/Organizations/Register")]
                : [new("RegisterOrganizationLink", "/Organizations/Register")]));
        }

        if (administrator)
            groups.Add(new("admin", "AdminMenu", [new("AdminConsoleLink", "/Admin/Review")], InBar: true));
        return new SiteMenu(signedIn, unreadNotifications, groups);
    }

    /// <summary>How long a menu, made once, is kept after it was last shown.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>
    /// What makes the menus' links differ: the groups, the bell's number and the page shown (marked as current). The bar
    /// and the phone's panel are made once for each and kept (<c>&lt;cache&gt;</c>).
    /// </summary>
    public string CacheKeyOn(Microsoft.AspNetCore.Mvc.Rendering.ViewContext page) =>
        string.Join('|', Groups.SelectMany(g => g.Links.Select(l => l.Page ?? l.Path)))
        + "|" + UnreadNotifications.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "|" + page.RouteData.Values["page"];
}
