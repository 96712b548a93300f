using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Domain.Common;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourney(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_finds_a_free_saturday_books_it_from_the_calendar_by_keyboard_and_the_owner_approves_it()
    {
        // An organization in Jeonju shares a meeting room, open on Saturdays, that its owner approves by hand.
        var word = CatalogClient.NewHangulWord();
        var title = $"마을 사랑방 {word}";
        var ownerEmail = ApiClient.NewEmail("owner");
        using var owner = await browser.App.SignedInResidentAsync(ownerEmail, "박대표");
        using var admin = browser.App.NewClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await admin.LoginAsync(AppFactory.AdminEmail, AppFactory.AdminPassword));
        var organizationId = await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = $"전주 사랑방 협동조합 {word}", kind = "cooperative", businessRegistrationNumber = CatalogClient.NewBusinessRegistrationNumber(),
            municipality = "jeonju", address = "전북특별자치도 전주시 완산구 풍남문로 1", phone = "063-123-4567", email = ownerEmail, description = "",
        }));
        (await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/verify", new { reason = (string?)null })).EnsureSuccessStatusCode();
        var resourceId = await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync("/api/v1/resources", new
        {
            organizationId, category = "space", title, description = "열두 명이 앉는 사랑방입니다.", municipality = "jeonju",
            address = "전북특별자치도 전주시 완산구 풍남문로 1, 2층", capacity = 12, feePerHour = (int?)null, feeNote = "무료",
            policy = new
            {
                approvalMode = "manual", slotMinutes = 60, minMinutes = 60, maxMinutes = 240, minNoticeMinutes = 60, horizonDays = 60,
                bufferMinutes = 0, requiresCheckIn = false, maxActivePerPerson = 3,
                openingHours = new[]
                {
                    new { dayOfWeek = "saturday", opens = "09:00", closes = "18:00" },
                    // Three periods on Monday, as only the API makes them: the page's editor must keep them.
                    new { dayOfWeek = "monday", opens = "09:00", closes = "10:00" },
                    new { dayOfWeek = "monday", opens = "11:00", closes = "12:00" },
                    new { dayOfWeek = "monday", opens = "13:00", closes = "14:00" },
                },
                closedDates = Array.Empty<string>(),
            },
        }));
        (await owner.PostAsync($"/api/v1/resources/{resourceId}/submit", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/admin/resources/{resourceId}/approve", new { reason = (string?)null })).EnsureSuccessStatusCode();

        // A Saturday one to two weeks ahead (Seoul).
        var today = SeoulTime.DateOf(browser.App.Clock.GetUtcNow());
        var saturday = today.AddDays(7);
        while (saturday.DayOfWeek != DayOfWeek.Saturday)
            saturday = saturday.AddDays(1);
        var saturdayText = saturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monday = saturday.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The resident signs in and looks for a room free in Jeonju on that Saturday, 14:00–17:00.
        var residentEmail = ApiClient.NewEmail("resident");
        (await browser.App.SignedInResidentAsync(residentEmail, "김예약")).Dispose();
        await using var resident = await browser.NewPageAsync("ko-KR");
        var page = resident.Page;
        await page.SignInAsync(residentEmail);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "공유자원 찾기" }).ClickAsync();
        await page.GetByLabel("검색어").FillAsync(word);
        await page.GetByLabel("시군").SelectOptionAsync(new SelectOptionValue { Label = "전주시" });
        await page.GetByLabel("날짜", new() { Exact = true }).FillAsync(saturdayText);
        await page.GetByLabel("시작 시각").FillAsync("14:00");
        await page.GetByLabel("종료 시각").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("공유자원 1건");
        await resident.CheckAsync("booking-search-ko");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "주간 예약 현황" })).ToBeVisibleAsync();
        await resident.CheckAsync("resource-calendar-this-week-ko");

        // The week calendar goes forward to that week.
        var calendar = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("예약 현황 \\(한국 시간\\)") });
        for (var i = 0; i < 4 && !(await calendar.Locator("caption").InnerTextAsync()).Contains(monday, StringComparison.Ordinal); i++)
            await page.GetByRole(AriaRole.Link, new() { Name = "다음 주" }).ClickAsync();
        await Expect(calendar.Locator("caption")).ToContainTextAsync(monday);
        await Expect(calendar.GetByRole(AriaRole.Columnheader, new() { Name = $"{saturday.Month}월 {saturday.Day}일 (토)" })).ToBeVisibleAsync();
        await resident.CheckAsync("resource-calendar-ko");

        // The 14:00 slot is a link reached and activated by keyboard.
        var slot = calendar.GetByRole(AriaRole.Link, new() { Name = $"{saturday.Month}월 {saturday.Day}일 (토) 14:00 예약하기", Exact = true });
        await slot.FocusAsync();
        await Expect(slot).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The booking page offers the ends the policy allows; the resident books 14:00–16:00.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "예약하기" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{saturdayText} (토) 14:00");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
        await resident.CheckAsync("booking-new-ko");
        await page.GetByLabel("끝나는 시각").SelectOptionAsync(new SelectOptionValue { Label = "16:00 (2시간)" });
        await page.GetByLabel("인원", new() { Exact = true }).FillAsync("6");
        await page.GetByLabel("이용 목적").FillAsync("마을 반상회");
        await page.GetByRole(AriaRole.Button, new() { Name = "예약 신청하기" }).ClickAsync();

        // The booking waits for the organization.
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("예약을 신청했습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{saturdayText} (토) 14:00–16:00");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("요청 대기");
        await resident.CheckAsync("booking-details-pending-ko");

        // "My bookings" lists it as pending.
        await page.ClickMenuLinkAsync("내 메뉴", "내 예약");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 예약" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync($"{saturdayText} (토) 14:00–16:00");
        await Expect(row).ToContainTextAsync("요청 대기");
        await resident.CheckAsync("my-bookings-pending-ko");

        // The owner signs in, finds the request among the incoming ones and approves it.
        await using var ownerPage = await browser.NewPageAsync("ko-KR");
        await ownerPage.Page.SignInAsync(ownerEmail);
        await ownerPage.Page.ClickMenuLinkAsync("단체 메뉴", "예약 관리");
        await Expect(ownerPage.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "예약 관리" })).ToBeVisibleAsync();
        (await ownerPage.Page.GetByLabel("상태", new() { Exact = true }).InputValueAsync()).ShouldBe("Pending", "requests waiting for a decision come first");
        var request = ownerPage.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "김예약" });
        await Expect(request).ToContainTextAsync(title);
        await Expect(request).ToContainTextAsync($"{saturdayText} (토) 14:00–16:00");
        await Expect(request).ToContainTextAsync("마을 반상회");
        await ownerPage.CheckAsync("incoming-ko");
        await request.GetByRole(AriaRole.Button, new() { Name = "승인" }).ClickAsync();
        await Expect(ownerPage.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("예약을 승인했습니다");
        await Expect(ownerPage.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "김예약" })).ToHaveCountAsync(0);
        await ownerPage.CheckAsync("incoming-approved-ko");

        // On the resource's calendar the organization reaches the booking from its slot.
        await ownerPage.Page.GotoAsync($"/Resources/Details/{resourceId}?week={monday}");
        await ownerPage.Page.GetByRole(AriaRole.Link, new() { Name = $"{saturday.Month}월 {saturday.Day}일 (토) 15:00 예약 보기" }).ClickAsync();
        await Expect(ownerPage.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("김예약");
        await Expect(ownerPage.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("예약 확정");
        await ownerPage.CheckAsync("booking-details-owner-ko");

        // Saving the resource in the editor keeps Monday's three periods as they are.
        await ownerPage.Page.GotoAsync($"/Resources/Details/{resourceId}");
        await ownerPage.Page.GetByRole(AriaRole.Link, new() { Name = "수정하기" }).ClickAsync();
        await Expect(ownerPage.Page.GetByRole(AriaRole.Row, new() { Name = "월요일" })).ToContainTextAsync("09:00–10:00, 11:00–12:00, 13:00–14:00");
        await ownerPage.CheckAsync("resource-edit-kept-periods-ko");
        await ownerPage.Page.GetByRole(AriaRole.Button, new() { Name = "저장하기" }).ClickAsync();
        await Expect(ownerPage.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("저장했습니다");
        await Expect(ownerPage.Page.GetByRole(AriaRole.Row, new() { Name = "월요일 09:00–10:00, 11:00–12:00, 13:00–14:00" })).ToBeVisibleAsync();

        // The resident sees it confirmed.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("예약 확정");
        await resident.CheckAsync("my-bookings-confirmed-ko");

        // Back on the calendar, the slot is the resident's own.
        await page.GotoAsync($"/Resources/Details/{resourceId}?week={monday}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{saturday.Month}월 {saturday.Day}일 (토) 14:00 내 예약 보기" })).ToBeVisibleAsync();
        await Expect(calendar.GetByRole(AriaRole.Link, new() { Name = $"{saturday.Month}월 {saturday.Day}일 (토) 14:00 예약하기", Exact = true })).ToHaveCountAsync(0);

        // The calendar feed: a secret link in "my account".
        await page.GotoAsync("/Account/Manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "구독 주소 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("새 구독 주소를 만들었습니다");
        (await page.GetByLabel("구독 주소").InputValueAsync()).ShouldEndWith(".ics");
        await resident.CheckAsync("manage-calendar-ko");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
