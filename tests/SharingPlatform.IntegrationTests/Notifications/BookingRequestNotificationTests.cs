using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>
/// The owner's side of a resource whose requests wait for approval: the organization's members hear of each request and
/// are nudged when it waits a day; the booker hears of the decision; whoever cancels, the other side is told.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BookingRequestNotificationTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private sealed record Request(VerifiedOrganization Organization, Person Owner, Person Staff, Person Booker, Guid BookingId, DateTimeOffset RequestedAt)
        : IDisposable
    {
        public void Dispose()
        {
            Organization.Dispose();
            Staff.Dispose();
            Booker.Dispose();
        }
    }

    /// <summary>A booker asks for Thursday 10:00–12:00 (at least three days ahead) at a resource whose owner approves requests.</summary>
    private async Task<Request> RequestAsync()
    {
        var (organization, owner, staff) = await _app.OrganizationWithStaffAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "마을 회의실"));
        var booker = await _app.PersonAsync(displayName: "최주민");
        var start = BookingClient.Next(DayOfWeek.Thursday, 10);
        var booking = await booker.Client.BookAsync(resourceId, start, start.AddHours(2)).ExpectAsync(HttpStatusCode.Created);
        booking.GetProperty("status").GetString().ShouldBe("pending");
        var requestedAt = (await booker.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/bookings/{booking.Id()}"))
            .GetProperty("createdAt").GetDateTimeOffset();
        return new Request(organization, owner, staff, booker, booking.Id(), requestedAt);
    }

    private Task DispatchAtAsync(DateTimeOffset instant) => _app.DispatchRemindersAtAsync(instant);

    [Fact]
    public async Task A_request_tells_every_member_at_once_and_nudges_them_once_when_it_still_waits_a_day_later()
    {
        using var request = await RequestAsync();
        var (owner, staff, booker, bookingId) = (request.Owner, request.Staff, request.Booker, request.BookingId);

        foreach (var member in new[] { owner, staff })
        {
            var told = (await member.NotificationsAsync("bookingRequested", bookingId)).ShouldHaveSingleItem();
            told.Title().ShouldBe("새 예약 요청: 마을 회의실");
            told.Body().ShouldContain("최주민님이 마을 회의실을(를)");
        }

        (await _app.OutgoingEmailsToAsync(staff.Email)).Count(e => e.Subject == "[공유경제 플랫폼] 새 예약 요청: 마을 회의실").ShouldBe(1);
        (await booker.Client.InboxAsync()).Items().ShouldBeEmpty();

        await DispatchAtAsync(request.RequestedAt.AddHours(23));
        (await owner.NotificationsAsync("bookingStillPending", bookingId)).ShouldBeEmpty();

        await DispatchAtAsync(request.RequestedAt.AddHours(24).AddMinutes(5));
        await DispatchAtAsync(request.RequestedAt.AddHours(25));
        foreach (var member in new[] { owner, staff })
        {
            var nudge = (await member.NotificationsAsync("bookingStillPending", bookingId)).ShouldHaveSingleItem();
            nudge.Title().ShouldBe("아직 대기 중인 예약 요청: 마을 회의실");
        }

        (await booker.Client.InboxAsync()).Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Approving_a_request_tells_the_booker_it_is_confirmed_and_takes_back_the_nudge()
    {
        using var request = await RequestAsync();
        var (owner, staff, booker, bookingId) = (request.Owner, request.Staff, request.Booker, request.BookingId);

        await owner.Client.PostAsync($"/api/v1/bookings/{bookingId}/approve", null).ExpectAsync(HttpStatusCode.OK);

        var confirmed = (await booker.NotificationsAsync("bookingConfirmed", bookingId)).ShouldHaveSingleItem();
        confirmed.Title().ShouldBe("예약 확정: 마을 회의실");
        await _app.Mailbox.WaitForAsync(booker.Email, m => m.Subject == "[공유경제 플랫폼] 예약 확정: 마을 회의실");
        var left = await _app.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == bookingId).Select(r => r.Kind).ToListAsync());
        left.ShouldNotContain(NotificationKind.BookingStillPending);
        left.ShouldBe([NotificationKind.BookingReminder, NotificationKind.BookingReminder]);

        await DispatchAtAsync(request.RequestedAt.AddHours(24).AddMinutes(5));
        (await owner.NotificationsAsync("bookingStillPending", bookingId)).ShouldBeEmpty();
        (await staff.NotificationsAsync("bookingStillPending", bookingId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rejecting_a_request_tells_the_booker_why_and_nobody_is_nudged_or_reminded()
    {
        using var request = await RequestAsync();
        var (owner, booker, bookingId) = (request.Owner, request.Booker, request.BookingId);

        await owner.Client.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/reject", new { reason = "그날은 내부 행사가 있습니다" })
            .ExpectAsync(HttpStatusCode.OK);

        var rejected = (await booker.NotificationsAsync("bookingRejected", bookingId)).ShouldHaveSingleItem();
        rejected.Title().ShouldBe("예약 요청 거절: 마을 회의실");
        rejected.Body().ShouldContain("사유: 그날은 내부 행사가 있습니다");
        var email = await _app.Mailbox.WaitForAsync(booker.Email, m => m.Subject == "[공유경제 플랫폼] 예약 요청 거절: 마을 회의실");
        (email.TextBody ?? "").ShouldContain("사유: 그날은 내부 행사가 있습니다");
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == bookingId))).ShouldBe(0);

        await DispatchAtAsync(request.RequestedAt.AddHours(24).AddMinutes(5));
        (await owner.NotificationsAsync("bookingStillPending", bookingId)).ShouldBeEmpty();
        (await booker.NotificationsAsync("bookingConfirmed", bookingId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_owner_cancels_the_booker_is_told_with_the_reason_and_the_members_are_not()
    {
        using var request = await RequestAsync();
        var (owner, staff, booker, bookingId) = (request.Owner, request.Staff, request.Booker, request.BookingId);
        await owner.Client.PostAsync($"/api/v1/bookings/{bookingId}/approve", null).ExpectAsync(HttpStatusCode.OK);

        await owner.Client.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/cancel", new { reason = "정전으로 휴관합니다" }).ExpectAsync(HttpStatusCode.OK);

        var cancelled = (await booker.NotificationsAsync("bookingCancelled", bookingId)).ShouldHaveSingleItem();
        cancelled.Title().ShouldBe("예약 취소: 마을 회의실");
        cancelled.Body().ShouldContain("공유자원을 운영하는 단체가");
        cancelled.Body().ShouldContain("사유: 정전으로 휴관합니다");
        (await owner.NotificationsAsync("bookingCancelled", bookingId)).ShouldBeEmpty();
        (await staff.NotificationsAsync("bookingCancelled", bookingId)).ShouldBeEmpty();
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == bookingId && r.SentAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task When_the_booker_cancels_every_member_is_told_and_the_booker_is_not()
    {
        using var request = await RequestAsync();
        var (owner, staff, booker, bookingId) = (request.Owner, request.Staff, request.Booker, request.BookingId);

        await booker.Client.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/cancel", new { reason = "모임이 취소되었습니다" }).ExpectAsync(HttpStatusCode.OK);

        foreach (var member in new[] { owner, staff })
        {
            var cancelled = (await member.NotificationsAsync("bookingCancelled", bookingId)).ShouldHaveSingleItem();
            cancelled.Body().ShouldContain("최주민님이 마을 회의실");
            cancelled.Body().ShouldContain("사유: 모임이 취소되었습니다");
        }

        (await booker.NotificationsAsync("bookingCancelled", bookingId)).ShouldBeEmpty();
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == bookingId))).ShouldBe(0);
        await DispatchAtAsync(request.RequestedAt.AddHours(24).AddMinutes(5));
        (await owner.NotificationsAsync("bookingStillPending", bookingId)).ShouldBeEmpty();
    }
}
