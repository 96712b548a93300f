using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Circles;

/// <summary>Reminders of meetings, moving and cancelling them, RSVPs closing at the start, attendance, and the calendar feed.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingLifecycleTests(SharedApp shared)
{
    private const string Reminder = "meetingReminder";
    private readonly AppFactory _app = shared.Factory;

    private IDisposable TravelTo(DateTimeOffset instant) => _app.Clock.Travel(instant - _app.Clock.GetUtcNow());

    [Fact]
    public async Task The_reminder_a_day_before_goes_once_to_members_going_and_not_to_the_waitlisted_nor_to_one_who_cancelled()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(3);
        using var __ = host;
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var meetingId = await host.Client.ScheduledAsync(circleId, start, capacity: 2, title: "협동조합 회계 3강");
        (await members[0].NotificationsAsync("meetingScheduled", meetingId)).ShouldHaveSingleItem();
        foreach (var member in members)
            await member.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        await members[1].Client.CancelRsvpAsync(meetingId).ExpectAsync(HttpStatusCode.NoContent); // members[2] is promoted

        await _app.DispatchRemindersAtAsync(start.AddHours(-24).AddMinutes(-5));
        (await members[0].NotificationsAsync(Reminder, meetingId)).ShouldBeEmpty();
        await _app.DispatchRemindersAtAsync(start.AddHours(-24).AddMinutes(5), times: 2);

        (await members[0].NotificationsAsync(Reminder, meetingId)).ShouldHaveSingleItem().Title().ShouldStartWith("모임 알림: 협동조합 회계 3강");
        (await members[2].NotificationsAsync(Reminder, meetingId)).ShouldHaveSingleItem();
        (await members[1].NotificationsAsync(Reminder, meetingId)).ShouldBeEmpty();
        (await host.NotificationsAsync(Reminder, meetingId)).ShouldBeEmpty();
        var rows = await _app.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meetingId).ToListAsync());
        rows.Select(r => r.RecipientId).ShouldBe([members[0].Id, members[2].Id], ignoreOrder: true);
        rows.ShouldAllBe(r => r.SentAt != null && r.DueAt == start.AddHours(-24));
        members.DisposeAll();
    }

    [Fact]
    public async Task Moving_a_meeting_moves_its_reminders_and_tells_those_who_answered_and_cancelling_it_leaves_no_reminders()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(3);
        using var __ = host;
        var start = _app.NextHalfHour(TimeSpan.FromDays(3));
        var meetingId = await host.Client.ScheduledAsync(circleId, start, capacity: 2);
        foreach (var member in members)
            await member.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        var reminders = () => _app.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == meetingId && r.Kind == NotificationKind.MeetingReminder).ToListAsync());
        (await reminders()).Count.ShouldBe(2);

        var later = start.AddDays(1);
        var moved = await host.Client.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/move", new { startsAt = later, endsAt = later.AddHours(2), place = "군산 공유센터" })
            .ExpectAsync(HttpStatusCode.OK);
        moved.GetProperty("place").GetString().ShouldBe("군산 공유센터");
        (await reminders()).ShouldAllBe(r => r.DueAt == later.AddHours(-24));
        (await reminders()).Count.ShouldBe(2);
        foreach (var member in members)
            (await member.NotificationsAsync("meetingMoved", meetingId)).ShouldHaveSingleItem();

        var cancelled = await host.Client.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/cancel", new { reason = "강사 사정" }).ExpectAsync(HttpStatusCode.OK);
        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == meetingId))).ShouldBe(0);
        (await members[2].NotificationsAsync("meetingCancelled", meetingId)).ShouldHaveSingleItem().Body().ShouldContain("강사 사정");
        var refused = await members[0].Client.RsvpAsync(meetingId);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("meeting_cancelled");
        members.DisposeAll();
    }

    [Fact]
    public async Task RSVPs_close_at_the_start_and_attendance_is_recorded_only_after_the_end_and_shows_in_each_members_history()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(3);
        using var __ = host;
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(10));
        var meetingId = await host.Client.ScheduledAsync(circleId, start, capacity: 5, length: TimeSpan.FromMinutes(10), title: "업사이클링 공방 실습");
        await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        await members[1].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        var attendance = new { attendedUserIds = new[] { members[0].Id } };
        var tooEarly = await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/attendance", attendance);
        tooEarly.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await tooEarly.ProblemAsync()).GetProperty("code").GetString().ShouldBe("meeting_not_ended");

        using (TravelTo(start.AddMinutes(1)))
        {
            var closed = await members[2].Client.RsvpAsync(meetingId);
            closed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await closed.ProblemAsync()).GetProperty("code").GetString().ShouldBe("rsvp_closed");
            (await members[1].Client.CancelRsvpAsync(meetingId)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }

        using (TravelTo(start.AddMinutes(11)))
        {
            var notGoing = await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/attendance", new { attendedUserIds = new[] { members[2].Id } });
            (await notGoing.ProblemAsync()).GetProperty("code").GetString().ShouldBe("attendee_not_going");
            var recorded = await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/attendance", attendance).ExpectAsync(HttpStatusCode.OK);
            recorded.GetProperty("going").EnumerateArray().Select(a => (a.GetProperty("userId").GetGuid(), a.GetProperty("attended").GetBoolean()))
                .ShouldBe([(members[0].Id, true), (members[1].Id, false)], ignoreOrder: true);

            var history = await members[0].Client.GetAsync("/api/v1/me/attendance").ExpectAsync(HttpStatusCode.OK);
            var entry = history.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
            entry.GetProperty("title").GetString().ShouldBe("업사이클링 공방 실습");
            entry.GetProperty("attended").GetBoolean().ShouldBeTrue();
            var other = await members[1].Client.GetAsync("/api/v1/me/attendance").ExpectAsync(HttpStatusCode.OK);
            other.GetProperty("items")[0].GetProperty("attended").GetBoolean().ShouldBeFalse();
        }

        members.DisposeAll();
    }

    [Fact]
    public async Task The_calendar_feed_lists_a_meeting_one_is_going_to_and_not_one_where_one_is_waitlisted()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(2);
        using var __ = host;
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var going = await host.Client.ScheduledAsync(circleId, start, capacity: 3, title: "청년 공유주방 레시피 4회");
        var full = await host.Client.ScheduledAsync(circleId, start.AddDays(1), capacity: 1, title: "꽉 찬 모임");
        await members[1].Client.RsvpAsync(full).ExpectAsync(HttpStatusCode.OK);
        await members[0].Client.RsvpAsync(going).ExpectAsync(HttpStatusCode.OK);
        (await members[0].Client.RsvpAsync(full).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("waitlisted");

        var token = (await members[0].Client.PostAsync("/api/v1/me/calendar-link", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("token").GetString();
        using var calendarApp = _app.NewClient();
        var calendar = Calendar.Load(await calendarApp.GetStringAsync($"/calendar/{token}.ics"))!;

        var meeting = calendar.Events.ShouldHaveSingleItem();
        meeting.Summary.ShouldBe("공유경제 입문 스터디: 청년 공유주방 레시피 4회");
        meeting.Location.ShouldBe("전주 공유센터 2층");
        meeting.Uid.ShouldBe($"meeting-{going}@sharingplatform");
        meeting.Start!.AsUtc.ShouldBe(start.UtcDateTime);
        members.DisposeAll();
    }

    [Fact]
    public async Task Upcoming_meetings_across_circles_show_ones_own_answer()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var __ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(2)));
        await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);

        var mine = await members[0].Client.GetAsync("/api/v1/meetings?mine=true&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var listed = mine.GetProperty("items").EnumerateArray().Single(m => m.Id() == meetingId);
        listed.GetProperty("myRsvp").Status().ShouldBe("going");
        listed.GetProperty("goingCount").GetInt32().ShouldBe(1);
        using var anyone = _app.NewClient();
        var all = await anyone.GetAsync("/api/v1/meetings?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        all.GetProperty("totalCount").GetInt32().ShouldBeGreaterThan(0);
        var circleMeetings = await anyone.GetAsync($"/api/v1/circles/{circleId}/meetings").ExpectAsync(HttpStatusCode.OK);
        circleMeetings.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().Id().ShouldBe(meetingId);
        var asStranger = await anyone.GetAsync($"/api/v1/meetings/{meetingId}").ExpectAsync(HttpStatusCode.OK);
        asStranger.GetProperty("goingCount").GetInt32().ShouldBe(1);
        asStranger.GetProperty("going").GetArrayLength().ShouldBe(0);
        members.DisposeAll();
    }

    [Fact]
    public async Task A_meeting_held_in_the_hosts_own_booking_fits_its_time_and_the_rooms_capacity()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var ___ = organization;
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var __ = host;
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var bookingId = await host.Client.BookedAsync(resourceId, start, start.AddHours(3));
        var othersBooking = await members[0].Client.BookedAsync(resourceId, start.AddHours(4), start.AddHours(5));
        object Body(Guid booking, DateTimeOffset from, int capacity) =>
            new { title = "회계 실습", startsAt = from, endsAt = from.AddHours(1), capacity, bookingId = booking, place = "3층" };
        async Task RefusedAsync(object body, string code)
        {
            var refused = await host.Client.PostAsJsonAsync($"/api/v1/circles/{circleId}/meetings", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe(code);
        }

        await RefusedAsync(Body(bookingId, start, 11), "capacity_exceeds_room");
        await RefusedAsync(Body(bookingId, start.AddHours(2).AddMinutes(30), 5), "meeting_outside_booking");
        await RefusedAsync(Body(othersBooking, start.AddHours(4), 5), "booking_not_yours");

        var meeting = await host.Client.PostAsJsonAsync($"/api/v1/circles/{circleId}/meetings", Body(bookingId, start.AddHours(1), 10)).ExpectAsync(HttpStatusCode.Created);
        meeting.GetProperty("bookingId").GetGuid().ShouldBe(bookingId);
        meeting.GetProperty("resourceTitle").GetString().ShouldBe("24시간 공유공간");
        meeting.GetProperty("place").GetString().ShouldBe("3층");
        var tooMany = await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id()}/capacity", new { capacity = 12 });
        (await tooMany.ProblemAsync()).GetProperty("code").GetString().ShouldBe("capacity_exceeds_room");
        members.DisposeAll();
    }
}
