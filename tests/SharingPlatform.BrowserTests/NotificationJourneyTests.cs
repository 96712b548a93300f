using System.Globalization;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Domain.Common;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_books_sees_the_confirmation_in_the_inbox_opens_it_and_chooses_fewer_emails()
    {
        // A room in Jeonju that confirms bookings at once.
        var title = $"알림 회의실 {CatalogClient.NewHangulWord()}";
        using var organization = await browser.App.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id, title);
        body["policy"]!["approvalMode"] = "automatic";
        var resourceId = await browser.App.PublishedResourceAsync(organization, body);

        // A weekday (Monday to Saturday) a week or so ahead, 10:00–11:00 Seoul.
        var day = SeoulTime.DateOf(browser.App.Clock.GetUtcNow()).AddDays(7);
        while (day.DayOfWeek == DayOfWeek.Sunday)
            day = day.AddDays(1);
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = SeoulTime.At(day, new TimeOnly(10, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var email = ApiClient.NewEmail("resident");
        (await browser.App.SignedInResidentAsync(email, "이알림")).Dispose();
        await using var resident = await browser.NewPageAsync("ko-KR");
        var page = resident.Page;
        await page.SignInAsync(email);
        var banner = page.GetByRole(AriaRole.Banner);
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "알림", Exact = true })).ToBeVisibleAsync();

        // The resident books it; it is confirmed at once.
        await page.GotoAsync($"/Bookings/New?resourceId={resourceId}&start={start}");
        await page.GetByLabel("끝나는 시각").SelectOptionAsync(new SelectOptionValue { Label = "11:00 (1시간)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "예약 신청하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("예약이 확정되었습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{dayText} (");

        // The bell counts the confirmation.
        var bell = banner.GetByRole(AriaRole.Link, new() { Name = "알림 (읽지 않음 1)" });
        await Expect(bell).ToBeVisibleAsync();
        await resident.CheckAsync("booking-details-confirmed-ko");

        // The booker moves it an hour later, in Seoul time.
        await page.GetByLabel("시작 시각").FillAsync("11:00");
        await page.GetByLabel("종료 시각").FillAsync("12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "시간 바꾸기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("예약 시간을 바꿨습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("11:00–12:00");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("예약 확정");
        await resident.CheckAsync("booking-details-moved-ko");

        // The inbox shows the confirmation, unread, with its time in Seoul.
        await bell.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "알림" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("읽지 않은 알림 1건");
        var notification = page.GetByRole(AriaRole.Article).Filter(new() { HasText = $"예약 확정: {title}" });
        await Expect(notification).ToContainTextAsync("읽지 않음");
        await Expect(notification).ToContainTextAsync($"{title} {dayText}");
        await resident.CheckAsync("notifications-unread-ko");

        // Opening it marks it read and goes to the booking.
        await notification.GetByRole(AriaRole.Button, new() { Name = $"열기 예약 확정: {title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"예약: {title}" })).ToBeVisibleAsync();
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "알림", Exact = true })).ToBeVisibleAsync();

        // Back in the inbox it is read; the unread tab is empty.
        await banner.GetByRole(AriaRole.Link, new() { Name = "알림", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("읽지 않은 알림 0건");
        await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = $"예약 확정: {title}" })).Not.ToContainTextAsync("읽지 않음");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "모두 읽음으로 표시" })).ToHaveCountAsync(0);
        await resident.CheckAsync("notifications-read-ko");
        await page.GetByRole(AriaRole.Link, new() { Name = "읽지 않은 알림", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("읽지 않은 알림이 없습니다.");
        await resident.CheckAsync("notifications-unread-only-ko");

        // Email settings: everything is on; the resident turns reminders off, and it stays off.
        await page.GetByRole(AriaRole.Link, new() { Name = "이메일 알림 설정" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "이메일 알림 설정" })).ToBeVisibleAsync();
        var reminders = page.GetByRole(AriaRole.Group, new() { Name = "미리 알림" }).GetByLabel("내 예약 시작 24시간 전과 1시간 전");
        await Expect(reminders).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "관리자" })).ToHaveCountAsync(0);
        await resident.CheckAsync("notification-settings-ko");
        await reminders.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "설정 저장하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("이메일 알림 설정을 저장했습니다");
        await page.ReloadAsync();
        await Expect(reminders).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("내 예약이 확정되었을 때")).ToBeCheckedAsync();
        await resident.CheckAsync("notification-settings-saved-ko");

        // The same in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Email notifications" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("24 hours and 1 hour before my booking starts")).Not.ToBeCheckedAsync();
        await resident.CheckAsync("notification-settings-en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to notifications" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Notifications" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Unread: 0");
        await resident.CheckAsync("notifications-en");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
