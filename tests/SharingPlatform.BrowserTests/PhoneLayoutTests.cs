using System.Net.Http.Json;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

/// <summary>At 390 px, as on a phone: pages do not scroll sideways, and table columns keep their words on one line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserApp browser)
{
    [Fact]
    public async Task On_a_phone_the_resource_page_and_the_incoming_bookings_fit_the_screen_and_their_columns_stay_readable()
    {
        using var organization = await browser.App.VerifiedOrganizationAsync();
        var resource = await browser.App.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title: "마을 회의실"));
        using var resident = await browser.App.SignedInResidentAsync();
        var start = NextWeekdayAtTen(browser.App.Clock.GetUtcNow());
        using (var booked = await resident.PostAsJsonAsync("/api/v1/bookings",
                   new { resourceId = resource, startsAt = start, endsAt = start.AddHours(1), attendees = 2, purpose = "주민 회의" }))
            booked.EnsureSuccessStatusCode();

        await using var phone = await browser.NewPageAsync("ko-KR", width: 390, height: 844);
        var page = phone.Page;
        await page.GotoAsync($"/Resources/Details/{resource}");
        (await SidewaysOverflowAsync(page)).ShouldBe(0, $"the resource page scrolls sideways: {await BeyondTheScreenAsync(page)}");

        await page.SignInAsync(organization.OwnerEmail);
        await page.GotoAsync("/Bookings/Incoming");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("주민 회의");
        (await SidewaysOverflowAsync(page)).ShouldBe(0, $"incoming bookings scroll sideways: {await BeyondTheScreenAsync(page)}");
        (await SqueezedCellsAsync(page)).ShouldBeEmpty("cells of incoming bookings break their words down the column");
    }

    private static DateTimeOffset NextWeekdayAtTen(DateTimeOffset now)
    {
        var seoul = TimeSpan.FromHours(9);
        var day = DateOnly.FromDateTime(now.ToOffset(seoul).DateTime).AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Sunday or DayOfWeek.Saturday)
            day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), seoul);
    }

    private static Task<int> SidewaysOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>The outermost elements that reach past the right edge of the screen, for the failure message.</summary>
    private static Task<string> BeyondTheScreenAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .filter(e => e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`)
                .join(', ')
            """);

    /// <summary>The cells of the main content's tables narrower than their longest word: words broken down the column.</summary>
    private static Task<string[]> SqueezedCellsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => {
                const probe = document.createElement('span');
                probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
                document.body.appendChild(probe);
                const squeezed = [...document.querySelectorAll('main table th, main table td')]
                    .filter(cell => cell.offsetParent !== null && cell.textContent.trim().length > 0)
                    .filter(cell => {
                        const style = getComputedStyle(cell);
                        probe.style.font = style.font;
                        const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                        const longest = Math.max(...cell.textContent.trim().split(/\s+|(?<=[–-])/).map(word => {
                            probe.textContent = word;
                            return probe.getBoundingClientRect().width;
                        }));
                        return room + 1 < longest;
                    })
                    .map(cell => cell.textContent.trim().replace(/\s+/g, ' '));
                probe.remove();
                return squeezed;
            }
            """);
}
