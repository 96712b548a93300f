using System.Net;
using System.Text.RegularExpressions;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web.Pages.Resources;

namespace SharingPlatform.IntegrationTests.Home;

/// <summary>The home page searches at once, offers the categories and the 14 시군, and greets a signed-in person with their own next things.</summary>
[Collection(AppCollection.Name)]
public sealed partial class FrontDoorTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static async Task<string> HomeAsync(HttpClient site, string path = "/")
    {
        using var response = await site.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Anyone_can_search_and_browse_from_the_home_page_in_Korean_text()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = $"{CatalogClient.NewHangulWord()} 회의실";
        await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title: title));
        using var site = _app.NewClient();

        var html = await HomeAsync(site);

        html.ShouldContain("action=\"/Resources\"");
        html.ShouldContain("name=\"q\"");
        html.ShouldContain("name=\"municipality\"");
        html.ShouldContain("name=\"date\"");
        html.ShouldContain("/Resources?category=Space");
        foreach (var code in new[] { "jeonju", "gunsan", "iksan", "jeongeup", "namwon", "gimje", "wanju", "jinan", "muju", "jangsu", "imsil", "sunchang", "gochang", "buan" })
            html.ShouldContain($"/Resources?municipality={code}\"");
        html.ShouldContain("숫자로 보는 공유경제");
        html.ShouldContain("다가오는 동아리 모임");
        html.ShouldContain("공유자원");
        html.ShouldNotContain("&#xAC");
        html.ShouldNotContain("준비하고");
        html.ShouldContain("/Account/Register");
    }

    [Fact]
    public async Task The_home_page_speaks_English_when_asked()
    {
        using var site = _app.NewClient();

        var html = await HomeAsync(site, "/?culture=en");

        html.ShouldContain("The programme in numbers");
        html.ShouldContain("Browse by city or county");
        html.ShouldContain(">Buan<");
        html.ShouldNotContain("숫자로 보는 공유경제");
    }

    [Fact]
    public async Task A_signed_in_organization_member_sees_their_next_things_and_the_requests_waiting()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(organization.OwnerEmail, ApiClient.Password);

        var html = await HomeAsync(site);

        html.ShouldContain("김대표님, 환영합니다.");
        html.ShouldContain("다음 예약");
        html.ShouldContain("다음 실험실 이용");
        html.ShouldContain("처리를 기다리는 예약 신청 0건");
        html.ShouldNotContain("/Account/Register\"");
    }

    [Fact]
    public async Task A_resident_sees_their_soonest_booking_and_the_organization_the_requests_waiting_for_it()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "다음 예약 " + CatalogClient.NewHangulWord()));
        var email = ApiClient.NewEmail();
        using var resident = await _app.SignedInResidentAsync(email);
        var sooner = BookingClient.Next(DayOfWeek.Thursday, 10);
        var later = await resident.BookedAsync(resourceId, sooner.AddDays(7), sooner.AddDays(7).AddHours(2));
        var soonest = await resident.BookedAsync(resourceId, sooner, sooner.AddHours(2));
        using var residentSite = _app.NewClient(followRedirects: false);
        await residentSite.SignInAsync(email, ApiClient.Password);
        using var ownerSite = _app.NewClient(followRedirects: false);
        await ownerSite.SignInAsync(organization.OwnerEmail, ApiClient.Password);

        var home = await HomeAsync(residentSite);
        home.ShouldContain($"/Bookings/Details/{soonest}");
        home.ShouldNotContain($"/Bookings/Details/{later}");
        home.ShouldNotContain("처리를 기다리는 예약 신청");
        (await HomeAsync(ownerSite)).ShouldContain("처리를 기다리는 예약 신청 2건");
    }

    [Fact]
    public async Task A_resident_sees_their_next_lab_session_and_the_next_meeting_of_their_circle()
    {
        using var lab = await _app.PublishedLabAsync(4, ("3D 프린터", false));
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var _ = host;
        using var member = members[0];
        var meetingTitle = "내 모임 " + CatalogClient.NewHangulWord();
        var meetingStart = _app.NextHalfHour(TimeSpan.FromDays(2));
        var meetingId = await host.Client.ScheduledAsync(circleId, meetingStart, title: meetingTitle);
        var slot = (await member.Client.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        await member.Client.BookedLabAsync(lab.Id, slot, lab.Equipment["3D 프린터"]);
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(member.Email, ApiClient.Password);

        var mine = Mine(WebUtility.HtmlDecode(await HomeAsync(site)));

        mine.ShouldContain($"다음 실험실 이용: <a href=\"/Labs/Mine\">메이커 스페이스</a> <span>{CatalogText.Seoul(slot)}</span>");
        mine.ShouldContain($"다음 동아리 모임: <a href=\"/Meetings/Details/{meetingId}\">{meetingTitle}</a> <span>{CatalogText.Seoul(meetingStart)}</span>");
    }

    private static string Mine(string html)
    {
        var start = html.IndexOf("aria-labelledby=\"front-mine\"", StringComparison.Ordinal);
        return Spaces().Replace(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)], " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Fact]
    public async Task A_resident_outside_any_organization_sees_no_waiting_requests()
    {
        var email = ApiClient.NewEmail();
        using var api = await _app.SignedInResidentAsync(email);
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);

        var html = await HomeAsync(site);

        html.ShouldContain("다음 동아리 모임");
        html.ShouldNotContain("처리를 기다리는 예약 신청");
    }

    [Fact]
    public async Task Everyone_sees_the_same_next_meetings_of_active_circles_as_the_meetings_list_shows()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var _ = host;
        using var member = members[0];
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromHours(1)), title: "다음 모임 " + CatalogClient.NewHangulWord());
        await member.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        using var memberSite = _app.NewClient(followRedirects: false);
        await memberSite.SignInAsync(member.Email, ApiClient.Password);
        using var visitor = _app.NewClient();

        var listed = (await visitor.GetAsync("/api/v1/meetings?pageSize=4").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();

        listed.ShouldNotBeEmpty();
        ShownMeetings(await HomeAsync(memberSite)).ShouldBe(listed);
        ShownMeetings(await HomeAsync(visitor)).ShouldBe(listed);
    }

    private static List<Guid> ShownMeetings(string html)
    {
        var start = html.IndexOf("aria-labelledby=\"front-meetings\"", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        return [.. MeetingLink().Matches(section).Select(m => Guid.Parse(m.Groups[1].Value))];
    }

    [GeneratedRegex("href=\"/Meetings/Details/([0-9a-f-]{36})\"")]
    private static partial Regex MeetingLink();
}
