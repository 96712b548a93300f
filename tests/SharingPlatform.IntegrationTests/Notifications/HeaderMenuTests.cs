using System.Net;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>The header of every signed-in page: the number of unread notifications, and the organization menu for members.</summary>
[Collection(AppCollection.Name)]
public sealed class HeaderMenuTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_header_counts_unread_notifications_and_shows_the_organization_menu_only_to_members()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var person = await _app.PersonAsync();
        var start = _app.NextHalfHour(TimeSpan.FromDays(3));
        for (var i = 0; i < 2; i++)
            await person.Client.BookedAsync(resourceId, start.AddHours(2 * i), start.AddHours(2 * i + 1));

        using var resident = _app.NewClient(followRedirects: false);
        await resident.SignInAsync(person.Email, ApiClient.Password);
        var residentsPage = await resident.GetStringAsync("/Labs");
        residentsPage.ShouldContain("(읽지 않음 2)");
        residentsPage.ShouldNotContain("href=\"/Organizations\"");

        using var member = _app.NewClient(followRedirects: false);
        await member.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var membersPage = await member.GetStringAsync("/Labs");
        membersPage.ShouldContain("href=\"/Organizations\"");
    }

    [Fact]
    public async Task The_bell_counts_up_to_99_and_shows_more_as_99_plus()
    {
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);

        await NotifyAsync(person.Id, 99);
        var ninetyNine = WebUtility.HtmlDecode(await site.GetStringAsync("/Labs"));
        ninetyNine.ShouldContain("aria-hidden=\"true\">99</span>");
        ninetyNine.ShouldContain("(읽지 않음 99)");

        await NotifyAsync(person.Id, 1);
        var more = WebUtility.HtmlDecode(await site.GetStringAsync("/Labs"));
        more.ShouldContain("aria-hidden=\"true\">99+</span>");
        more.ShouldContain("(읽지 않음 99+)");
        more.ShouldNotContain(">100<");
    }

    /// <summary>The menus are made once for each kind of menu and page, and kept: each page still marks its own link.</summary>
    [Fact]
    public async Task Each_page_marks_its_own_link_in_both_menus()
    {
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);

        for (var round = 0; round < 2; round++)
        {
            foreach (var (path, other) in new[] { ("/Labs", "/Resources"), ("/Resources", "/Labs") })
            {
                var page = await site.GetStringAsync(path);
                System.Text.RegularExpressions.Regex.Count(page, $"<a href=\"{path}\"[^>]*aria-current=\"page\"").ShouldBe(2, $"{path} in the bar and the phone's panel");
                System.Text.RegularExpressions.Regex.Count(page, $"<a href=\"{other}\"[^>]*aria-current").ShouldBe(0, $"{other} on {path}");
                var bar = page[page.IndexOf("<nav class=\"krds-main-menu\"", StringComparison.Ordinal)..];
                bar = bar[..bar.IndexOf("</nav>", StringComparison.Ordinal)];
                System.Text.RegularExpressions.Regex.Count(bar, "<ul\\b").ShouldBe(System.Text.RegularExpressions.Regex.Count(bar, "</ul>"), "each list in the bar is closed");
            }
        }
    }

    /// <summary>
    /// Identity checks a site cookie's security stamp once its interval (30 minutes) has passed, and renews the person's
    /// claims then: a name changed elsewhere shows in the header from then on, in the same session.
    /// </summary>
    [Fact]
    public async Task The_header_takes_up_a_name_changed_elsewhere_once_the_cookie_is_checked_again()
    {
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);
        var name = "새이름 " + CatalogClient.NewHangulWord();
        await _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE users SET display_name = {name} WHERE id = {person.Id}"));

        WebUtility.HtmlDecode(await site.GetStringAsync("/Labs")).ShouldNotContain(name);
        using (_app.Clock.Travel(TimeSpan.FromMinutes(31)))
        {
            var page = WebUtility.HtmlDecode(await site.GetStringAsync("/Labs"));
            page.ShouldContain(name);
            page.ShouldContain("href=\"/Account/Manage\"");
        }
    }

    private Task<int> NotifyAsync(Guid recipientId, int count) => _app.QueryAsync(db =>
    {
        var now = _app.Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            db.Notifications.Add(Notification.Write(recipientId, Language.Korean, NotificationKind.BookingConfirmed, Guid.NewGuid(), now,
                "예약 확정", "본문", "/Bookings/Mine", now));
        }

        return db.SaveChangesAsync();
    });
}
