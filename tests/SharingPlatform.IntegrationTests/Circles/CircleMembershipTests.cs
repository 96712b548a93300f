using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Circles;

/// <summary>Joining, approval, the member cap under racing joins, removal, and what only hosts may do.</summary>
[Collection(AppCollection.Name)]
public sealed class CircleMembershipTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_circle_is_published_at_once_and_found_by_text_topic_and_municipality()
    {
        using var host = await _app.PersonAsync(displayName: "김운영");
        var word = CatalogClient.NewHangulWord();
        var body = CircleClient.CircleBody($"{word} 마을기업 마케팅 연구회", municipality: "gunsan");
        body["topics"] = new System.Text.Json.Nodes.JsonArray($"마케팅{word}");
        var created = await host.Client.PostAsJsonAsync("/api/v1/circles", body).ExpectAsync(HttpStatusCode.Created);
        var circleId = created.Id();
        created.GetProperty("status").GetString().ShouldBe("active");
        created.GetProperty("joinPolicy").GetString().ShouldBe("open");
        created.GetProperty("memberCount").GetInt32().ShouldBe(1);
        created.GetProperty("isHost").GetBoolean().ShouldBeTrue();

        using var anyone = _app.NewClient();
        foreach (var query in new[] { $"q={Uri.EscapeDataString(word)}", $"topic={Uri.EscapeDataString("마케팅" + word)}&municipality=gunsan" })
        {
            var page = await anyone.GetAsync($"/api/v1/circles?{query}").ExpectAsync(HttpStatusCode.OK);
            page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().Id().ShouldBe(circleId);
        }

        var elsewhere = await anyone.GetAsync($"/api/v1/circles?q={Uri.EscapeDataString(word)}&municipality=jeonju").ExpectAsync(HttpStatusCode.OK);
        elsewhere.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var mine = await host.Client.GetAsync("/api/v1/circles/mine").ExpectAsync(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().ShouldContain(c => c.GetProperty("circle").Id() == circleId && c.GetProperty("role").GetString() == "host");
    }

    [Fact]
    public async Task Joining_a_circle_by_approval_waits_for_a_host_who_is_told_and_the_person_is_told_when_approved()
    {
        var (host, circleId, _) = await _app.CircleWithMembersAsync(0, CircleClient.CircleBody(joinPolicy: "approval"));
        using var __ = host;
        using var resident = await _app.PersonAsync(displayName: "박신청");

        var pending = await resident.Client.JoinAsync(circleId).ExpectAsync(HttpStatusCode.OK);
        pending.GetProperty("status").GetString().ShouldBe("pending");
        (await resident.Client.JoinAsync(circleId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await host.NotificationsAsync("circleJoinRequested")).ShouldContain(n => n.Body().Contains("박신청"));
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(2)));
        var refused = await resident.Client.RsvpAsync(meetingId);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("not_a_circle_member");

        var requests = await host.Client.GetAsync($"/api/v1/circles/{circleId}/members?status=pending").ExpectAsync(HttpStatusCode.OK);
        requests.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("userId").GetGuid().ShouldBe(resident.Id);
        var approved = await host.Client.PostAsync($"/api/v1/circles/{circleId}/members/{resident.Id}/approve", null).ExpectAsync(HttpStatusCode.OK);

        approved.GetProperty("status").GetString().ShouldBe("active");
        (await resident.NotificationsAsync("circleJoinApproved")).ShouldHaveSingleItem();
        (await resident.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("going");
        var circle = await resident.Client.GetAsync($"/api/v1/circles/{circleId}").ExpectAsync(HttpStatusCode.OK);
        circle.GetProperty("memberCount").GetInt32().ShouldBe(2);
        circle.GetProperty("myMembership").GetProperty("status").GetString().ShouldBe("active");
        circle.GetProperty("members").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task An_open_circle_at_its_cap_refuses_a_newcomer_with_circle_full()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1, CircleClient.CircleBody(memberCap: 2));
        using var __ = host;
        using var late = await _app.PersonAsync();

        var refused = await late.Client.JoinAsync(circleId);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("circle_full");
        await members[0].Client.PostAsync($"/api/v1/circles/{circleId}/leave", null).ExpectAsync(HttpStatusCode.OK);
        (await late.Client.JoinAsync(circleId).ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("active");
        members.DisposeAll();
    }

    [Fact]
    public async Task Twelve_racing_joins_of_a_circle_with_a_cap_of_three_admit_exactly_two_beside_the_host()
    {
        var (host, circleId, _) = await _app.CircleWithMembersAsync(0, CircleClient.CircleBody(memberCap: 3));
        using var __ = host;
        var people = await _app.PeopleAsync(12);

        var answers = await Task.WhenAll(people.Select(p => p.Client.JoinAsync(circleId)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(2);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(10);
        var counts = await _app.QueryAsync(async db => new
        {
            Stored = await db.Circles.Where(c => c.Id == circleId).Select(c => c.MemberCount).SingleAsync(),
            Active = await db.CircleMembers.CountAsync(m => m.CircleId == circleId && m.Status == Domain.Circles.MemberStatus.Active),
        });
        counts.Stored.ShouldBe(3);
        counts.Active.ShouldBe(3);
        people.DisposeAll();
    }

    [Fact]
    public async Task A_removed_member_is_told_why_loses_their_place_and_cannot_rejoin_until_a_host_allows_it()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(2);
        using var __ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)), capacity: 1);
        await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        await members[1].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);

        await host.Client.PostAsJsonAsync($"/api/v1/circles/{circleId}/members/{members[0].Id}/remove", new { reason = "" }).ExpectAsync(HttpStatusCode.BadRequest);
        var removed = await host.Client.PostAsJsonAsync($"/api/v1/circles/{circleId}/members/{members[0].Id}/remove", new { reason = "광고 글 반복" })
            .ExpectAsync(HttpStatusCode.OK);

        removed.GetProperty("status").GetString().ShouldBe("removed");
        (await members[0].NotificationsAsync("circleMemberRemoved")).ShouldHaveSingleItem().Body().ShouldContain("광고 글 반복");
        (await members[1].Client.MeetingAsync(meetingId)).GetProperty("myRsvp").Status().ShouldBe("going");
        (await members[1].NotificationsAsync("meetingPromoted", meetingId)).ShouldHaveSingleItem();
        var refused = await members[0].Client.JoinAsync(circleId);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("removed_from_circle");

        await host.Client.PostAsync($"/api/v1/circles/{circleId}/members/{members[0].Id}/allow-back", null).ExpectAsync(HttpStatusCode.OK);
        (await members[0].Client.JoinAsync(circleId).ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("active");
        members.DisposeAll();
    }

    [Fact]
    public async Task Host_only_actions_are_refused_to_members_with_403_and_to_strangers_with_404()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(2);
        using var __ = host;
        using var stranger = await _app.PersonAsync();
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)));
        var start = _app.NextHalfHour(TimeSpan.FromDays(4));
        Func<HttpClient, Task<HttpResponseMessage>>[] hostOnly =
        [
            c => c.ScheduleAsync(circleId, start),
            c => c.PutAsJsonAsync($"/api/v1/circles/{circleId}", CircleClient.CircleBody("바꾼 이름")),
            c => c.GetAsync($"/api/v1/circles/{circleId}/members?status=pending"),
            c => c.PostAsJsonAsync($"/api/v1/circles/{circleId}/members/{members[1].Id}/remove", new { reason = "이유" }),
            c => c.PostAsync($"/api/v1/circles/{circleId}/members/{members[1].Id}/co-host", null),
            c => c.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/capacity", new { capacity = 9 }),
            c => c.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/move", new { startsAt = start, endsAt = start.AddHours(1) }),
            c => c.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/cancel", new { reason = "이유" }),
            c => c.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/attendance", new { attendedUserIds = Array.Empty<Guid>() }),
        ];

        foreach (var action in hostOnly)
        {
            (await action(members[0].Client)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await action(stranger.Client)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await host.Client.MeetingAsync(meetingId)).GetProperty("status").GetString().ShouldBe("scheduled");
        await host.Client.PostAsync($"/api/v1/circles/{circleId}/members/{members[0].Id}/co-host", null).ExpectAsync(HttpStatusCode.OK);
        await members[0].Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/capacity", new { capacity = 9 }).ExpectAsync(HttpStatusCode.OK);
        (await members[0].Client.PostAsync($"/api/v1/circles/{circleId}/members/{members[1].Id}/co-host", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        members.DisposeAll();
    }

    [Fact]
    public async Task An_administrator_suspends_a_circle_with_a_reason_hiding_it_from_all_but_its_hosts_and_administrators_and_restores_it()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var __ = host;
        using var stranger = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)));

        await members[0].Client.PostAsJsonAsync($"/api/v1/admin/circles/{circleId}/suspend", new { reason = "광고" }).ExpectAsync(HttpStatusCode.Forbidden);
        await admin.PostAsJsonAsync($"/api/v1/admin/circles/{circleId}/suspend", new { reason = "" }).ExpectAsync(HttpStatusCode.BadRequest);
        await admin.PostAsJsonAsync($"/api/v1/admin/circles/{circleId}/suspend", new { reason = "불법 광고 반복" }).ExpectAsync(HttpStatusCode.NoContent);

        (await stranger.Client.GetAsync($"/api/v1/circles/{circleId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await members[0].Client.GetAsync($"/api/v1/circles/{circleId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await members[0].Client.GetAsync($"/api/v1/meetings/{meetingId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await members[0].Client.RsvpAsync(meetingId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await members[0].Client.JoinAsync(circleId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var seenByHost = await host.Client.GetAsync($"/api/v1/circles/{circleId}").ExpectAsync(HttpStatusCode.OK);
        seenByHost.GetProperty("status").GetString().ShouldBe("suspended");
        seenByHost.GetProperty("statusReason").GetString().ShouldBe("불법 광고 반복");
        (await admin.GetAsync($"/api/v1/circles/{circleId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var hostRsvp = await host.Client.RsvpAsync(meetingId);
        hostRsvp.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await hostRsvp.ProblemAsync()).GetProperty("code").GetString().ShouldBe("circle_suspended");
        var listed = await stranger.Client.GetAsync("/api/v1/circles?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        listed.GetProperty("items").EnumerateArray().ShouldNotContain(c => c.Id() == circleId);
        (await host.NotificationsAsync("circleSuspended")).ShouldHaveSingleItem().Body().ShouldContain("불법 광고 반복");
        (await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == circleId && a.Action == "circle.suspend"))).ShouldBe(1);
        (await admin.PostAsJsonAsync($"/api/v1/admin/circles/{circleId}/suspend", new { reason = "또" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await admin.PostAsJsonAsync($"/api/v1/admin/circles/{circleId}/restore", new { reason = "소명 확인" }).ExpectAsync(HttpStatusCode.NoContent);
        (await stranger.Client.GetAsync($"/api/v1/circles/{circleId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("going");
        members.DisposeAll();
    }
}
