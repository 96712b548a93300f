using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Domain.Common;
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
        await page.ClickMenuLinkAsync("내 메뉴", "내 동아리");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 동아리" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "가입한 동아리" })).ToContainTextAsync(circleTitle);
        await resident.CheckAsync("my-circles-ko");
    }

    [Fact]
    public async Task A_host_starts_a_circle_approves_a_request_schedules_and_resizes_a_meeting_records_attendance_and_an_administrator_suspends_it()
    {
        var word = CatalogClient.NewHangulWord();
        var circleTitle = $"협동조합 {word} 회계 모임";
        var meetingTitle = $"{word} 결산 실습";
        var hostEmail = ApiClient.NewEmail("host");
        (await browser.App.SignedInResidentAsync(hostEmail, "김운영")).Dispose();
        await using var host = await browser.NewPageAsync("ko-KR");
        var page = host.Page;
        await page.SignInAsync(hostEmail);
        var main = page.GetByRole(AriaRole.Main);

        // The form refuses a circle without a name, then starts one that members join by approval.
        await page.GotoAsync("/Circles/New");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "학습동아리 만들기" })).ToBeVisibleAsync();
        await host.CheckAsync("circle-new-ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "동아리 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("동아리 이름을 입력하세요.");
        await host.CheckAsync("circle-new-refused-ko");
        await page.GetByLabel("동아리 이름").FillAsync(circleTitle);
        await page.GetByLabel("주제", new() { Exact = true }).FillAsync($"협동조합, 회계, {word}");
        await page.GetByLabel("동아리 소개").FillAsync("결산서를 함께 읽습니다.");
        await page.GetByLabel("시군").SelectOptionAsync(new SelectOptionValue { Label = "군산시" });
        await page.GetByLabel("정원").FillAsync("10");
        await page.GetByLabel("운영자 승인 후 가입").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "동아리 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("학습동아리를 만들었습니다");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = circleTitle })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("운영자 승인 후 가입");
        var circleId = Guid.Parse(page.Url.Split('/')[^1]);
        await host.CheckAsync("circle-created-ko");

        // A resident asks to join; the host approves on the console.
        using var member = await browser.App.SignedInResidentAsync(displayName: "최회원");
        (await member.PostAsync($"/api/v1/circles/{circleId}/join", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("pending");
        await page.ReloadAsync();
        await Expect(main).ToContainTextAsync("승인을 기다리는 가입 신청 1건");
        await main.GetByRole(AriaRole.Link, new() { Name = "운영 관리" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"운영 관리: {circleTitle}" })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("가입 신청 (1건)");
        await host.CheckAsync("circle-host-request-ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "최회원님의 가입 승인" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("가입을 승인했습니다");
        await Expect(main).ToContainTextAsync("2명 / 정원 10명");

        // The host schedules a meeting for two in five days, the member answers, and the host makes room for three.
        var date = SeoulTime.DateOf(browser.App.Clock.GetUtcNow()).AddDays(5);
        var schedule = page.GetByRole(AriaRole.Region, new() { Name = "모임 잡기" });
        await schedule.GetByLabel("모임 이름").FillAsync(meetingTitle);
        await schedule.GetByLabel("안건").FillAsync("지난 분기 결산서 읽기");
        await schedule.GetByLabel("날짜").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await schedule.GetByLabel("시작 시각").FillAsync("19:00");
        await schedule.GetByLabel("종료 시각").FillAsync("21:00");
        await schedule.GetByLabel("정원").FillAsync("2");
        await schedule.GetByLabel("장소", new() { Exact = true }).FillAsync("군산 원도심 코워킹 스페이스");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "모임 잡기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("모임을 잡았습니다");
        await host.CheckAsync("circle-host-scheduled-ko");
        var meetingId = (await member.GetAsync($"/api/v1/circles/{circleId}/meetings").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        await member.PostAsync($"/api/v1/meetings/{meetingId}/rsvp", null).ExpectAsync(HttpStatusCode.OK);
        await page.GetByRole(AriaRole.Link, new() { Name = $"모임 관리 {meetingTitle}" }).ClickAsync();
        var manage = page.GetByRole(AriaRole.Region, new() { Name = $"모임 관리: {meetingTitle}" });
        await Expect(manage).ToContainTextAsync("참석 1명 / 정원 2명, 대기 0명");
        await host.CheckAsync("circle-host-manage-ko");
        await manage.GetByLabel("정원").FillAsync("3");
        await manage.GetByRole(AriaRole.Button, new() { Name = "정원 바꾸기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("정원을 바꿨습니다");
        await Expect(manage).ToContainTextAsync("참석 1명 / 정원 3명, 대기 0명");

        // After the meeting, the host records that the member came.
        using (browser.App.Clock.Travel(TimeSpan.FromDays(6)))
        {
            await page.ReloadAsync();
            await Expect(manage.GetByRole(AriaRole.Group, new() { Name = "온 사람에 표시하세요" })).ToBeVisibleAsync();
            await host.CheckAsync("circle-host-attendance-ko");
            await manage.GetByLabel("최회원").CheckAsync();
            await manage.GetByRole(AriaRole.Button, new() { Name = "출석 저장하기" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("출석을 기록했습니다");
            await Expect(manage.GetByLabel("최회원")).ToBeCheckedAsync();
        }

        // The console in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Host console: {circleTitle}" })).ToBeVisibleAsync();
        await host.CheckAsync("circle-host-en");

        // An administrator suspends the circle with a reason: it leaves the list.
        await using var administrator = await browser.NewPageAsync("ko-KR");
        var admin = administrator.Page;
        await admin.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await admin.GotoAsync($"/Circles/Details/{circleId}");
        await administrator.CheckAsync("circle-admin-ko");
        await admin.GetByLabel("공개 중지 사유").FillAsync("광고성 게시물 신고 확인");
        await admin.GetByRole(AriaRole.Button, new() { Name = "동아리 공개 중지" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("동아리 공개를 중지했습니다");
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("광고성 게시물 신고 확인");
        await administrator.CheckAsync("circle-suspended-ko");
        await admin.GotoAsync($"/Circles?topic={Uri.EscapeDataString(word)}");
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("학습동아리 0개");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
