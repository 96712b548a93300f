using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CircleJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_joins_a_circle_waits_for_a_full_meeting_and_is_promoted_when_a_member_cancels()
    {
        // A host's open circle with a meeting for one, which another member already took.
        var word = CatalogClient.NewHangulWord();
        var circleTitle = $"공유경제 {word} 스터디";
        var meetingTitle = $"{word} 모임";
        using var host = await browser.App.SignedInResidentAsync(displayName: "김운영");
        var circleId = await CatalogClient.CreatedIdAsync(host.PostAsJsonAsync("/api/v1/circles", new
        {
            title = circleTitle,
            topics = new[] { "공유경제", word },
            description = "함께 읽고 토론합니다.",
            municipality = "jeonju",
            memberCap = 10,
            joinPolicy = "open",
        }));
        var start = new DateTimeOffset(browser.App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(4).AddHours(10), TimeSpan.Zero);
        var meetingId = await CatalogClient.CreatedIdAsync(host.PostAsJsonAsync($"/api/v1/circles/{circleId}/meetings", new
        {
            title = meetingTitle,
            agenda = "1장 읽기",
            startsAt = start,
            endsAt = start.AddHours(2),
            place = "전주 공유센터 2층",
            capacity = 1,
        }));
        using var other = await browser.App.SignedInResidentAsync(displayName: "박먼저");
        await other.PostAsync($"/api/v1/circles/{circleId}/join", null).ExpectAsync(HttpStatusCode.OK);
        (await other.PostAsync($"/api/v1/meetings/{meetingId}/rsvp", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("going");

        var email = ApiClient.NewEmail("resident");
        (await browser.App.SignedInResidentAsync(email, "이대기")).Dispose();
        await using var resident = await browser.NewPageAsync("ko-KR");
        var page = resident.Page;
        await page.SignInAsync(email);
        var main = page.GetByRole(AriaRole.Main);

        // The resident finds the circle by its topic and joins it.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "학습동아리", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "학습동아리" })).ToBeVisibleAsync();
        await resident.CheckAsync("circles-ko");
        await page.GetByLabel("주제", new() { Exact = true }).FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("학습동아리 1개");
        await resident.CheckAsync("circles-search-ko");
        await page.GetByRole(AriaRole.Region, new() { Name = "학습동아리 목록" }).GetByRole(AriaRole.Link, new() { Name = circleTitle }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = circleTitle })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("2명 / 정원 10명");
        await resident.CheckAsync("circle-details-ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "가입하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("동아리에 가입했습니다");
        await Expect(main).ToContainTextAsync("3명 / 정원 10명");
        await resident.CheckAsync("circle-joined-ko");

        // The meeting is full: answering going puts the resident first on the waitlist.
        await page.GetByRole(AriaRole.Region, new() { Name = "다가오는 모임" }).GetByRole(AriaRole.Link, new() { Name = meetingTitle }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = meetingTitle })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("참석 1명 / 정원 1명, 대기 0명");
        await resident.CheckAsync("meeting-full-ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "참석하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("대기 명단에 올랐습니다");
        await Expect(page.Locator("#my-rsvp")).ToHaveTextAsync("대기 1번째");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "대기 취소하기" })).ToBeVisibleAsync();
        await resident.CheckAsync("meeting-waitlisted-ko");

        // The member who was going cancels; the resident is promoted at once and told.
        await other.DeleteAsync($"/api/v1/meetings/{meetingId}/rsvp").ExpectAsync(HttpStatusCode.NoContent);
        await page.GotoAsync("/Notifications");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "알림" })).ToBeVisibleAsync();
        var promoted = page.GetByRole(AriaRole.Article).Filter(new() { HasText = $"참석 확정: {meetingTitle}" });
        await Expect(promoted).ToContainTextAsync(circleTitle);
        await Expect(promoted).ToContainTextAsync("읽지 않음");
        await resident.CheckAsync("notifications-promoted-ko");

        // Opening it leads to the meeting, where the resident is going and on the going list.
        await promoted.GetByRole(AriaRole.Button, new() { Name = $"열기 참석 확정: {meetingTitle}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = meetingTitle })).ToBeVisibleAsync();
        await Expect(page.Locator("#my-rsvp")).ToHaveTextAsync("참석");
        await Expect(main).ToContainTextAsync("참석 1명 / 정원 1명, 대기 0명");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "참석자 (1명)" })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "이대기" })).ToBeVisibleAsync();
        await resident.CheckAsync("meeting-promoted-ko");

        // "My circles" lists it among the circles the resident belongs to, with the meeting and the answer.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "내 동아리" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 동아리" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "가입한 동아리" })).ToContainTextAsync(circleTitle);
        await resident.CheckAsync("my-circles-ko");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
