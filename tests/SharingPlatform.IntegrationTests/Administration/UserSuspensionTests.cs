using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Administration;

[Collection(AppCollection.Name)]
public sealed class UserSuspensionTests(SharedApp shared)
{
    private const string SuspendedMessage = "이 계정은 이용이 정지되었습니다";

    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_suspended_person_s_token_and_refresh_token_stop_at_once_and_sign_in_says_why_until_an_administrator_restores_them()
    {
        using var person = await _app.PersonAsync();
        using var other = _app.NewClient();
        var login = await other.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = ApiClient.Password }).ExpectAsync(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();
        await person.Client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        await admin.SuspendAsync(person.Id, "반복된 허위 예약");

        await person.Client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized);
        await other.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() })
            .ExpectAsync(HttpStatusCode.Unauthorized);
        var refused = await other.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = ApiClient.Password })
            .ExpectAsync(HttpStatusCode.Unauthorized);
        refused.GetProperty("detail").GetString()!.ShouldContain(SuspendedMessage);

        await admin.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/restore", new { reason = "소명 확인" }).ExpectAsync(HttpStatusCode.NoContent);

        await person.Client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized);
        using var again = await _app.SignedInNowAsync(person.Email);
        await again.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
        var inbox = await again.InboxAsync();
        inbox.OfKind("accountSuspended").ShouldHaveSingleItem().Body().ShouldContain("반복된 허위 예약");
        inbox.OfKind("accountRestored").ShouldHaveSingleItem().Body().ShouldContain("소명 확인");
    }

    [Fact]
    public async Task A_signed_in_page_session_is_sent_to_sign_in_on_its_next_request_and_the_sign_in_page_says_the_account_is_suspended()
    {
        using var person = await _app.PersonAsync();
        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(person.Email, ApiClient.Password);
        (await browser.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();

        await admin.SuspendAsync(person.Id, "스팸 게시");

        var next = await browser.GetAsync("/Account/Manage");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.ToString().ShouldContain("/Account/Login");
        using var fresh = _app.NewClient(followRedirects: false);
        var signIn = await fresh.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = ApiClient.Password,
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync());
        html.ShouldContain(SuspendedMessage);
        html.ShouldNotContain("5분");

        await admin.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/restore", new { }).ExpectAsync(HttpStatusCode.NoContent);

        await fresh.SignInAsync(person.Email, ApiClient.Password);
        (await fresh.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Suspending_cancels_future_bookings_telling_the_owners_and_freeing_the_time_but_leaves_past_ones()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var person = await _app.PersonAsync(displayName: "박정지");
        var pastStart = _app.NextHalfHour(TimeSpan.FromMinutes(1));
        var past = await person.Client.BookedAsync(resourceId, pastStart, pastStart.AddHours(1));
        var futureStart = _app.NextHalfHour(TimeSpan.FromDays(2));
        var future = await person.Client.BookedAsync(resourceId, futureStart, futureStart.AddHours(1));

        using (_app.Clock.Travel(pastStart.AddMinutes(10) - _app.Clock.GetUtcNow()))
        {
            using var admin = await _app.SignedInNowAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
            await admin.SuspendAsync(person.Id, "허위 예약");
        }

        var statuses = await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == past || b.Id == future).ToDictionaryAsync(b => b.Id, b => new { b.Status, b.StatusReason }));
        statuses[future].Status.ShouldBe(BookingStatus.Cancelled);
        statuses[future].StatusReason!.ShouldContain("이용자의 이용 정지");
        statuses[past].Status.ShouldNotBe(BookingStatus.Cancelled);
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == future && r.SentAt == null))).ShouldBe(0);
        var told = (await organization.Owner.InboxAsync()).OfKind("bookingCancelled", future).ShouldHaveSingleItem();
        told.Body().ShouldContain("박정지");
        told.Body().ShouldContain("이용자의 이용 정지");
        using var someoneElse = await _app.PersonAsync();
        await someoneElse.Client.BookAsync(resourceId, futureStart, futureStart.AddHours(1)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Suspending_cancels_a_future_lab_session_and_frees_its_seat_and_equipment_telling_the_managers()
    {
        using var lab = await _app.PublishedLabAsync(seats: 1, ("레이저 커터", false));
        using var person = await _app.PersonAsync(displayName: "최실험");
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromHours(3))).StartsAt();
        var cutter = lab.Equipment["레이저 커터"];
        var session = await person.Client.BookedLabAsync(lab.Id, slot, cutter);
        (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("seatsLeft").GetInt32().ShouldBe(0);
        using var admin = await _app.AdministratorAsync();

        await admin.SuspendAsync(person.Id, "장비 무단 반출");

        (await lab.Manager.LabBookingAsync(session)).GetProperty("status").GetString().ShouldBe("cancelled");
        (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("seatsLeft").GetInt32().ShouldBe(1);
        (await lab.Manager.InboxAsync()).OfKind("labSessionCancelled", lab.Id).ShouldHaveSingleItem().Body().ShouldContain("이용자의 이용 정지");
        using var someoneElse = await _app.PersonAsync();
        await someoneElse.Client.BookedLabAsync(lab.Id, slot, cutter);
    }

    [Fact]
    public async Task Suspending_gives_up_a_place_at_a_full_meeting_and_the_first_waitlisted_member_goes_and_is_told()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(3);
        using var _ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)), capacity: 1);
        var (suspended, first, second) = (members[0], members[1], members[2]);
        (await suspended.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("going");
        (await first.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("waitlisted");
        (await second.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("waitlisted");
        using var admin = await _app.AdministratorAsync();

        await admin.SuspendAsync(suspended.Id, "모임 방해");

        var rows = await _app.RsvpRowsAsync(meetingId);
        rows.Single(r => r.UserId == suspended.Id).Status.ShouldBe(RsvpStatus.Cancelled);
        rows.Single(r => r.UserId == first.Id).Status.ShouldBe(RsvpStatus.Going);
        rows.Single(r => r.UserId == second.Id).Status.ShouldBe(RsvpStatus.Waitlisted);
        (await first.NotificationsAsync("meetingPromoted", meetingId)).ShouldHaveSingleItem();
        (await second.NotificationsAsync("meetingPromoted", meetingId)).ShouldBeEmpty();
        members.DisposeAll();
    }

    [Fact]
    public async Task The_suspended_person_is_told_why_by_notification_and_email()
    {
        using var person = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();

        await admin.SuspendAsync(person.Id, "타인 명의 도용");

        var notices = await _app.QueryAsync(db => db.Notifications.Where(n => n.RecipientId == person.Id && n.Kind == NotificationKind.AccountSuspended)
            .Select(n => n.Body).ToListAsync());
        notices.ShouldHaveSingleItem().ShouldContain("타인 명의 도용");
        (await _app.OutgoingEmailsToAsync(person.Email)).ShouldContain(e => e.Body.Contains("타인 명의 도용"));
    }

    [Fact]
    public async Task Two_administrators_suspending_the_same_person_at_once_make_one_suspension_and_one_audit_entry()
    {
        using var person = await _app.PersonAsync();
        using var first = await _app.AdministratorAsync();
        using var second = await _app.AdministratorPersonAsync();

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/suspend", new { reason = "첫째 관리자" }),
            second.Client.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/suspend", new { reason = "둘째 관리자" }));

        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.NoContent, HttpStatusCode.Conflict], ignoreOrder: true);
        var conflict = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync();
        conflict.GetProperty("code").GetString().ShouldBe("user_already_suspended");
        (await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == person.Id && a.Action == "user.suspend"))).ShouldBe(1);
        (await _app.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == person.Id && n.Kind == NotificationKind.AccountSuspended))).ShouldBe(1);
    }

    [Fact]
    public async Task Bookings_racing_a_suspension_are_either_refused_or_cancelled_so_none_is_left_holding()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync(p => p["maxActivePerPerson"] = 20);
        using var _ = organization;
        using var lab = await _app.PublishedLabAsync(seats: 2);
        using var person = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        var from = _app.NextHalfHour(TimeSpan.FromDays(2));
        var starts = Enumerable.Range(0, 8).Select(i => from.AddHours(2 * i)).ToList();
        var slots = (await lab.Manager.SlotsAsync(lab.Id, from, from.AddDays(2))).Take(3).Select(s => s.StartsAt()).ToList();

        var requests = starts.Select(start => person.Client.BookAsync(resourceId, start, start.AddHours(1)))
            .Concat(slots.Select(slot => person.Client.BookLabAsync(lab.Id, slot)))
            .ToList();
        var suspension = admin.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/suspend", new { reason = "경합 시험" });
        var answers = await Task.WhenAll(requests.Append(suspension));

        answers[^1].StatusCode.ShouldBe(HttpStatusCode.NoContent);
        answers[..^1].ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Unauthorized);
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.BookerId == person.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))))
            .ShouldBe(0);
        (await _app.QueryAsync(db => db.LabBookings.CountAsync(b => b.BookerId == person.Id && b.Status == SharingPlatform.Domain.Labs.LabBookingStatus.Booked)))
            .ShouldBe(0);
        foreach (var slot in slots)
            (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("seatsLeft").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Meeting_answers_racing_a_suspension_are_either_refused_or_released_and_the_calendar_link_stops()
    {
        using var person = await _app.PersonAsync();
        var token = (await person.Client.PostAsync("/api/v1/me/calendar-link", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("token").GetString();
        var meetings = new List<Guid>();
        var hosts = new List<Person>();
        for (var i = 0; i < 4; i++)
        {
            var (host, circleId, _) = await _app.CircleWithMembersAsync(0);
            hosts.Add(host);
            (await person.Client.JoinAsync(circleId)).StatusCode.ShouldBe(HttpStatusCode.OK);
            meetings.Add(await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3 + i)), capacity: 5));
        }

        using var admin = await _app.AdministratorAsync();
        var answers = meetings.Select(m => person.Client.RsvpAsync(m)).ToList();
        var suspension = admin.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/suspend", new { reason = "경합 시험" });
        var results = await Task.WhenAll(answers.Append(suspension));

        results[^1].StatusCode.ShouldBe(HttpStatusCode.NoContent);
        results[..^1].ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Unauthorized);
        (await _app.QueryAsync(db => db.Rsvps.CountAsync(r => r.UserId == person.Id && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted))))
            .ShouldBe(0);
        using var anonymous = _app.NewClient();
        (await anonymous.GetAsync($"/calendar/{token}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        hosts.DisposeAll();
    }

    [Fact]
    public async Task An_administrator_cannot_suspend_themselves_and_a_suspension_needs_a_reason()
    {
        using var admin = await _app.AdministratorPersonAsync();
        using var person = await _app.PersonAsync();

        (await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{admin.Id}/suspend", new { reason = "테스트" }).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity))
            .ShouldBe("cannot_suspend_yourself");
        await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/suspend", new { reason = " " }).ExpectAsync(HttpStatusCode.BadRequest);
        (await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/restore", new { }).ProblemCodeAsync(HttpStatusCode.Conflict))
            .ShouldBe("user_not_suspended");
        await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}/suspend", new { reason = "없음" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrators_find_people_by_email_and_standing_and_read_one_person_s_standing()
    {
        using var person = await _app.PersonAsync(displayName: "정지될 주민");
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var _ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)));
        await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();

        var standing = await admin.GetAsync($"/api/v1/admin/users/{members[0].Id}").ExpectAsync(HttpStatusCode.OK);
        standing.GetProperty("status").GetString().ShouldBe("active");
        standing.GetProperty("futureRsvps").GetInt32().ShouldBe(1);
        await admin.SuspendAsync(person.Id, "이용 약관 위반");

        var found = await admin.GetAsync($"/api/v1/admin/users?q={Uri.EscapeDataString(person.Email.ToUpperInvariant())}").ExpectAsync(HttpStatusCode.OK);
        found.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().Id().ShouldBe(person.Id);
        var suspended = await admin.GetAsync("/api/v1/admin/users?status=suspended&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        suspended.GetProperty("items").EnumerateArray().ShouldContain(u => u.Id() == person.Id);
        suspended.GetProperty("items").EnumerateArray().ShouldAllBe(u => u.GetProperty("suspendedAt").ValueKind != JsonValueKind.Null);
        await admin.GetAsync("/api/v1/admin/users?status=banned").ExpectAsync(HttpStatusCode.BadRequest);
        var details = await admin.GetAsync($"/api/v1/admin/users/{person.Id}").ExpectAsync(HttpStatusCode.OK);
        details.GetProperty("status").GetString().ShouldBe("suspended");
        details.GetProperty("suspensionReason").GetString().ShouldBe("이용 약관 위반");
        var decision = details.GetProperty("recentDecisions").EnumerateArray().ShouldHaveSingleItem();
        decision.GetProperty("action").GetString().ShouldBe("user.suspend");
        decision.GetProperty("before").GetString().ShouldBe("active");
        decision.GetProperty("after").GetString().ShouldBe("suspended");
        members.DisposeAll();
    }

    [Fact]
    public async Task People_who_are_not_administrators_get_403_from_the_user_routes_and_404_from_the_user_pages()
    {
        using var person = await _app.PersonAsync();
        using var target = await _app.PersonAsync();

        await person.Client.PostAsJsonAsync($"/api/v1/admin/users/{target.Id}/suspend", new { reason = "x" }).ExpectAsync(HttpStatusCode.Forbidden);
        await person.Client.PostAsJsonAsync($"/api/v1/admin/users/{target.Id}/restore", new { reason = "x" }).ExpectAsync(HttpStatusCode.Forbidden);
        await person.Client.GetAsync("/api/v1/admin/users").ExpectAsync(HttpStatusCode.Forbidden);
        await person.Client.GetAsync($"/api/v1/admin/users/{target.Id}").ExpectAsync(HttpStatusCode.Forbidden);
        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(person.Email, ApiClient.Password);
        (await browser.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/Admin/Users/Details/{target.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_suspends_and_restores_from_the_person_s_page()
    {
        using var person = await _app.PersonAsync(displayName: "페이지 주민");
        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var path = $"/Admin/Users/Details/{person.Id}";

        var list = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Admin/Users?q={Uri.EscapeDataString(person.Email)}"));
        list.ShouldContain(path);
        var blank = await browser.PostFormAsync($"{path}?handler=Suspend", new Dictionary<string, string> { ["reason"] = "" });
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()).ShouldContain("aria-invalid=\"true\"");

        var suspended = await browser.PostFormAsync($"{path}?handler=Suspend", new Dictionary<string, string> { ["reason"] = "페이지에서 정지" });
        suspended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(path));
        page.ShouldContain("페이지에서 정지");
        page.ShouldContain("이용 정지 (");
        page.ShouldContain("이용 중 → 정지됨");

        var restored = await browser.PostFormAsync($"{path}?handler=Restore", new Dictionary<string, string> { ["reason"] = "" });
        restored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.SuspendedAt).SingleAsync())).ShouldBeNull();
    }
}

public static class SuspensionClient
{
    public static Task SuspendAsync(this HttpClient admin, Guid userId, string reason) =>
        admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/suspend", new { reason }).ExpectAsync(HttpStatusCode.NoContent);

    public static async Task<HttpClient> SignedInNowAsync(this AppFactory app, string email, string password)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.LoginAsync(email, password));
        return client;
    }
}
