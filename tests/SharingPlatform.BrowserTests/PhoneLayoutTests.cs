using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

/// <summary>At 390 px, as on a phone: pages do not scroll sideways, and table columns keep their words on one line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserApp browser)
{
    /// <summary>
    /// The phone journey: from the home page, through the menu button, the folded filters, the four weeks and the chosen
    /// day's list of times, to a confirmed booking that says what happens next; nothing scrolls sideways on the way.
    /// </summary>
    [Fact]
    public async Task On_a_phone_a_resident_finds_a_room_from_the_home_page_and_books_it_with_the_menu_the_folded_filters_and_the_day_list()
    {
        using var organization = await browser.App.VerifiedOrganizationAsync();
        var title = $"{CatalogClient.NewHangulWord()} 회의실";
        var body = CatalogClient.ResourceBody(organization.Id, title: title);
        body["policy"]!["approvalMode"] = "automatic";
        await browser.App.PublishedResourceAsync(organization, body);
        var email = ApiClient.NewEmail("phone");
        (await browser.App.SignedInResidentAsync(email, "이폰")).Dispose();

        await using var phone = await browser.NewPageAsync("ko-KR", width: 390, height: 844);
        var page = phone.Page;
        await page.GotoAsync("/");
        (await SmallTargetsAsync(page, "header")).ShouldBeEmpty("a visitor's header links and buttons at least 24 px high (WCAG 2.2 target size)");
        await page.SignInAsync(email);
        await page.GotoAsync("/");
        (await SmallTargetsAsync(page, "header")).ShouldBeEmpty("a resident's header links and buttons at least 24 px high (WCAG 2.2 target size)");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "전체메뉴" }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Dialog, new() { Name = "전체메뉴" });
        var resources = menu.GetByRole(AriaRole.Link, new() { Name = "공유자원 찾기", Exact = true });
        // The panel slides in; axe reads it once its links are there.
        await Assertions.Expect(resources).ToBeVisibleAsync();
        await phone.CheckAsync("phone-menu-ko");
        await resources.ClickAsync();

        // The filters are folded above the results; the resident unfolds them and searches.
        var search = page.GetByLabel("검색어");
        await Assertions.Expect(search).ToBeHiddenAsync();
        await page.GetByText("검색 조건", new() { Exact = true }).ClickAsync();
        await search.FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("공유자원 1건");
        await Assertions.Expect(search).ToBeHiddenAsync();
        await phone.CheckAsync("phone-results-ko");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

        // Four weeks, a day, a time from the day's list; the whole week is folded below them until asked for.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        (await SidewaysOverflowAsync(page)).ShouldBe(0, $"the resource page scrolls sideways: {await BeyondTheScreenAsync(page)}");
        await phone.CheckAsync("phone-resource-ko");
        var week = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("예약 현황") });
        await Assertions.Expect(week).ToBeHiddenAsync();
        await page.GetByText("주간 시간표", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(week).ToBeVisibleAsync();
        (await SidewaysOverflowAsync(page)).ShouldBe(0, $"the unfolded week scrolls the page sideways: {await BeyondTheScreenAsync(page)}");
        var days = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("부터 4주") });
        await days.GetByRole(AriaRole.Link).Filter(new() { HasText = "개 가능" }).Last.ClickAsync();
        var times = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("예약 가능한 시간$") });
        await Assertions.Expect(times.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await times.GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "예약하기" })).ToBeVisibleAsync();
        await page.GetByLabel("이용 목적").FillAsync("휴대전화로 예약");
        await page.GetByRole(AriaRole.Button, new() { Name = "예약 신청하기" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("예약이 확정되었습니다.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "다음 순서" })).ToContainTextAsync("내 캘린더에 추가");
        (await SidewaysOverflowAsync(page)).ShouldBe(0, $"the booking page scrolls sideways: {await BeyondTheScreenAsync(page)}");
        await phone.CheckAsync("phone-booked-ko");
    }

    [Fact]
    public async Task On_a_phone_the_incoming_bookings_fit_the_screen_and_their_columns_stay_readable()
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

    /// <summary>Visible links and buttons inside <paramref name="selector"/> less than 24 px high, for the failure message.</summary>
    private static Task<string[]> SmallTargetsAsync(IPage page, string selector) =>
        page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('{{selector}} a, {{selector}} button')]
                .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                .filter(e => e.getBoundingClientRect().height < 24)
                .map(e => `${e.textContent.trim() || e.getAttribute('aria-label')} (${Math.round(e.getBoundingClientRect().height)} px)`)
            """);

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
