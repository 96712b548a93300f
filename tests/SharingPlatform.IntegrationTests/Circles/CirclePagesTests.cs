using System.Net;
using SharingPlatform.Domain.Common;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Circles;

/// <summary>The circle pages: who may open the host console, and the forms of the console and the meeting page.</summary>
[Collection(AppCollection.Name)]
public sealed class CirclePagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_host_console_is_for_hosts_403_to_members_and_404_to_everyone_else()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var _ = host;
        members.DisposeAll();
        using var stranger = await _app.PersonAsync();
        var path = $"/Circles/Host/{circleId}";

        using var anonymous = _app.NewClient(followRedirects: false);
        var signIn = await anonymous.GetAsync(path);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldContain("/Account/Login");
        (await (await SiteAsync(stranger)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var member = await (await SiteAsync(members[0])).GetAsync(path);
        member.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await member.Content.ReadAsStringAsync()).ShouldContain("동아리 운영자와 공동 운영자만 볼 수 있는 화면입니다.");
        (await (await SiteAsync(stranger)).GetAsync($"/Circles/Edit/{circleId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var console = await (await SiteAsync(host)).GetAsync(path);
        console.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await console.Content.ReadAsStringAsync());
        html.ShouldContain("운영 관리: 공유경제 입문 스터디");
        html.ShouldContain("이회원");
    }

    [Fact]
    public async Task A_host_schedules_on_the_console_members_answer_on_the_meeting_page_and_refusals_speak_the_pages_language()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(2);
        using var _ = host;
        using var hostSite = await SiteAsync(host);
        var date = SeoulTime.DateOf(_app.Clock.GetUtcNow()).AddDays(5);
        var word = CatalogClient.NewHangulWord();

        var scheduled = await hostSite.PostFormAsync($"/Circles/Host/{circleId}?handler=Schedule", new Dictionary<string, string>
        {
            ["Schedule.Title"] = $"{word} 모임",
            ["Schedule.Agenda"] = "1장",
            ["Schedule.Date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Schedule.From"] = "19:00",
            ["Schedule.To"] = "21:00",
            ["Schedule.Capacity"] = "1",
            ["Schedule.Place"] = "전주 공유센터 2층",
            ["Schedule.BookingId"] = "",
        });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meetingId = (await host.Client.GetAsync($"/api/v1/circles/{circleId}/meetings").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ShouldHaveSingleItem().Id();
        var meeting = await host.Client.MeetingAsync(meetingId);
        meeting.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(SeoulTime.At(date, new TimeOnly(19, 0)));

        var path = $"/Meetings/Details/{meetingId}";
        using var first = await SiteAsync(members[0]);
        using var second = await SiteAsync(members[1]);
        (await first.PostFormAsync($"{path}?handler=Rsvp", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await second.PostFormAsync($"{path}?handler=Rsvp", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await first.GetStringAsync(path)).ShouldContain("<p id=\"my-rsvp\">참석</p>");
        WebUtility.HtmlDecode(await second.GetStringAsync(path)).ShouldContain("<p id=\"my-rsvp\">대기 1번째</p>");
        WebUtility.HtmlDecode(await second.GetStringAsync($"{path}?culture=en")).ShouldContain("<p id=\"my-rsvp\">Waitlist position 1</p>");

        // A capacity below those going is refused in the page's language, and nothing changes.
        var refused = await hostSite.PostFormAsync($"/Circles/Host/{circleId}?meeting={meetingId}&handler=Capacity&culture=en", new Dictionary<string, string> { ["NewCapacity"] = "0" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Enter a capacity from 1 to 1000.");
        var unreadable = await hostSite.PostFormAsync($"/Circles/Host/{circleId}?meeting={meetingId}&handler=Capacity&culture=en", new Dictionary<string, string> { ["NewCapacity"] = "ten" });
        var unreadableHtml = WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync());
        unreadableHtml.ShouldContain("Enter a number.");
        unreadableHtml.ShouldNotContain("Enter a capacity from 1 to 1000.");
        (await host.Client.MeetingAsync(meetingId)).GetProperty("capacity").GetInt32().ShouldBe(1);

        // Growing it promotes the waitlisted member at once.
        (await hostSite.PostFormAsync($"/Circles/Host/{circleId}?meeting={meetingId}&handler=Capacity", new Dictionary<string, string> { ["NewCapacity"] = "2" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await second.GetStringAsync(path)).ShouldContain("<p id=\"my-rsvp\">참석</p>");

        // Someone who left cannot answer: the refusal is the circle's own words, not an organization's.
        await members[1].Client.PostAsync($"/api/v1/circles/{circleId}/leave", null).ExpectAsync(HttpStatusCode.OK);
        var notMember = await second.PostFormAsync($"/Meetings/Details/{meetingId}?handler=Rsvp", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await notMember.Content.ReadAsStringAsync()).ShouldContain("동아리 회원만 모임에 참석 신청할 수 있습니다.");
        members.DisposeAll();
    }

    private async Task<HttpClient> SiteAsync(Person person)
    {
        var client = _app.NewClient(followRedirects: false);
        await client.SignInAsync(person.Email, ApiClient.Password);
        return client;
    }
}
