using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;
using SharingPlatform.Infrastructure.Data;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>
/// Reminders 24 h and 1 h before a confirmed booking: the app's clock travels past their times, the dispatcher runs as
/// the recurring job runs it, and the booker looks at their inbox through the API at real time again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BookingReminderTests(SharedApp shared)
{
    private const string Reminder = "bookingReminder";
    private readonly AppFactory _app = shared.Factory;

    private IDisposable TravelTo(DateTimeOffset instant) => _app.Clock.Travel(instant - _app.Clock.GetUtcNow());

    private Task DispatchAtAsync(DateTimeOffset instant, int times = 1) => _app.DispatchRemindersAtAsync(instant, times);

    [Fact]
    public async Task A_booking_two_days_ahead_is_confirmed_at_once_and_reminded_a_day_and_an_hour_before_exactly_once_each()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var owner = organization;
        using var booker = await _app.PersonAsync(displayName: "박예약");
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var bookingId = await booker.Client.BookedAsync(resourceId, start, start.AddHours(1));

        var confirmed = (await booker.NotificationsAsync("bookingConfirmed", bookingId)).ShouldHaveSingleItem();
        confirmed.Title().ShouldBe("예약 확정: 24시간 공유공간");
        confirmed.Link().ShouldStartWith("/Bookings/");
        (await booker.NotificationsAsync(Reminder, bookingId)).ShouldBeEmpty();
        var email = await _app.Mailbox.WaitForAsync(booker.Email, m => (m.Subject ?? "").Contains("예약 확정", StringComparison.Ordinal));
        email.Subject.ShouldBe("[공유경제 플랫폼] 예약 확정: 24시간 공유공간");
        (email.TextBody ?? "").ShouldContain($"http://127.0.0.1:5000{confirmed.Link()}");

        await DispatchAtAsync(start.AddHours(-24).AddMinutes(-5));
        (await booker.NotificationsAsync(Reminder, bookingId)).ShouldBeEmpty();

        await DispatchAtAsync(start.AddHours(-24).AddMinutes(5));
        var dayBefore = (await booker.NotificationsAsync(Reminder, bookingId)).ShouldHaveSingleItem();
        dayBefore.Title().ShouldStartWith("예약 알림: 24시간 공유공간");
        dayBefore.Body().ShouldContain($"{start.ToOffset(BookingClient.Kst):HH:mm}–{start.AddHours(1).ToOffset(BookingClient.Kst):HH:mm}");

        await DispatchAtAsync(start.AddHours(-1).AddMinutes(5), times: 2);
        (await booker.NotificationsAsync(Reminder, bookingId)).Count.ShouldBe(2);

        await DispatchAtAsync(start.AddMinutes(-5));
        (await booker.NotificationsAsync(Reminder, bookingId)).Count.ShouldBe(2);
        (await _app.OutgoingEmailsToAsync(booker.Email)).Count(e => e.Subject.StartsWith("[공유경제 플랫폼] 예약 알림", StringComparison.Ordinal)).ShouldBe(2);
        var reminders = await _app.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == bookingId).ToListAsync());
        reminders.Select(r => r.DueAt).Order().ShouldBe([start.AddHours(-24), start.AddHours(-1)]);
        reminders.ShouldAllBe(r => r.SentAt != null && r.RecipientId == booker.Id);
    }

    [Fact]
    public async Task A_booker_who_reads_English_is_told_of_the_confirmed_booking_in_English_by_notice_and_email()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var owner = organization;
        using var booker = await _app.PersonAsync(Language.English, "Jamie Park");
        var start = _app.NextHalfHour(TimeSpan.FromDays(3));

        var bookingId = await booker.Client.BookedAsync(resourceId, start, start.AddHours(1));

        (await booker.NotificationsAsync("bookingConfirmed", bookingId)).ShouldHaveSingleItem().Title().ShouldBe("Booking confirmed: 24시간 공유공간");
        var email = await _app.Mailbox.WaitForAsync(booker.Email, m => (m.Subject ?? "").Contains("Booking confirmed", StringComparison.Ordinal));
        email.Subject.ShouldBe("[SharingPlatform] Booking confirmed: 24시간 공유공간");
        email.TextBody.ShouldNotBeNull().ShouldContain("Hello Jamie Park,");
    }

    [Fact]
    public async Task Moving_a_booking_moves_its_reminders_so_only_the_new_times_are_delivered()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var owner = organization;
        using var booker = await _app.PersonAsync();
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var bookingId = await booker.Client.BookedAsync(resourceId, start, start.AddHours(1));
        var newStart = start.AddHours(27);

        var moved = await booker.Client.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/move", new { startsAt = newStart, endsAt = newStart.AddHours(1) })
            .ExpectAsync(HttpStatusCode.OK);

        moved.GetProperty("status").GetString().ShouldBe("confirmed");
        var reminders = await _app.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == bookingId).ToListAsync());
        reminders.Select(r => r.DueAt).Order().ShouldBe([newStart.AddHours(-24), newStart.AddHours(-1)]);
        reminders.ShouldAllBe(r => r.SentAt == null && r.Kind == NotificationKind.BookingReminder);

        // The old times pass without a word.
        await DispatchAtAsync(start.AddHours(-24).AddMinutes(5));
        await DispatchAtAsync(start.AddHours(-1).AddMinutes(5));
        (await booker.NotificationsAsync(Reminder, bookingId)).ShouldBeEmpty();

        await DispatchAtAsync(newStart.AddHours(-24).AddMinutes(5));
        var reminder = (await booker.NotificationsAsync(Reminder, bookingId)).ShouldHaveSingleItem();
        var newStartInSeoul = newStart.ToOffset(BookingClient.Kst);
        reminder.Body().ShouldContain($"{newStartInSeoul:yyyy-MM-dd}");
        reminder.Body().ShouldContain($"{newStartInSeoul:HH:mm}–{newStartInSeoul.AddHours(1):HH:mm}");

        await DispatchAtAsync(newStart.AddHours(-1).AddMinutes(5));
        (await booker.NotificationsAsync(Reminder, bookingId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Lengthening_a_booking_from_the_same_start_keeps_one_reminder_for_each_time()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var owner = organization;
        using var booker = await _app.PersonAsync();
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var bookingId = await booker.Client.BookedAsync(resourceId, start, start.AddHours(1));

        await booker.Client.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/move", new { startsAt = start, endsAt = start.AddHours(2) })
            .ExpectAsync(HttpStatusCode.OK);

        var reminders = await _app.QueryAsync(db => db.Reminders.Where(r => r.SubjectId == bookingId).ToListAsync());
        reminders.Select(r => r.DueAt).Order().ShouldBe([start.AddHours(-24), start.AddHours(-1)]);
        await DispatchAtAsync(start.AddHours(-1).AddMinutes(5));
        (await booker.NotificationsAsync(Reminder, bookingId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_a_booking_deletes_its_reminders_so_none_is_delivered()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var owner = organization;
        using var booker = await _app.PersonAsync();
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var bookingId = await booker.Client.BookedAsync(resourceId, start, start.AddHours(1));
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == bookingId))).ShouldBe(2);

        await booker.Client.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/cancel", new { reason = "일정이 바뀌었습니다" }).ExpectAsync(HttpStatusCode.OK);

        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == bookingId))).ShouldBe(0);
        await DispatchAtAsync(start.AddHours(-24).AddMinutes(5));
        await DispatchAtAsync(start.AddHours(-1).AddMinutes(5));
        (await booker.NotificationsAsync(Reminder, bookingId)).ShouldBeEmpty();
        (await _app.OutgoingEmailsToAsync(booker.Email)).ShouldNotContain(e => e.Subject.Contains("예약 알림", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatchers_racing_over_many_due_reminders_deliver_each_exactly_once()
    {
        // Thirty half-hour bookings, three for each of ten people, all starting within fifteen hours: at one instant all
        // thirty day-before reminders are due and none of the hour-before ones.
        var (organization, resourceId) = await _app.AutomaticResourceAsync(policy => policy["minMinutes"] = 30);
        using var owner = organization;
        var people = await _app.PeopleAsync(10);
        try
        {
            var first = _app.NextHalfHour(TimeSpan.FromDays(2));
            var booked = await Task.WhenAll(people.Select(async (person, p) =>
            {
                var ids = new List<Guid>();
                for (var k = p; k < 30; k += people.Length)
                {
                    var start = first.AddMinutes(30 * k);
                    ids.Add(await person.Client.BookedAsync(resourceId, start, start.AddMinutes(30)));
                }

                return (Person: person, Bookings: ids);
            }));
            var bookingIds = booked.SelectMany(b => b.Bookings).ToList();
            bookingIds.Count.ShouldBe(30);
            var dispatchAt = first.AddMinutes(30 * 29).AddHours(-24).AddMinutes(5);

            int due;
            using (TravelTo(dispatchAt))
            {
                due = await _app.QueryAsync(db => db.Reminders.CountAsync(r => bookingIds.Contains(r.SubjectId) && r.DueAt <= dispatchAt));
                await RaceDispatchersAsync(people.Select(p => p.Id).ToArray(), dispatchers: 4);
            }

            await _app.RemindersDeliveredAsync(dispatchAt);

            due.ShouldBe(30);
            var reminders = await _app.QueryAsync(db => db.Reminders.AsNoTracking().Where(r => bookingIds.Contains(r.SubjectId)).ToListAsync());
            reminders.Count.ShouldBe(60);
            reminders.Where(r => r.DueAt <= dispatchAt).ShouldAllBe(r => r.SentAt != null);
            reminders.Where(r => r.DueAt > dispatchAt).ShouldAllBe(r => r.SentAt == null);

            var delivered = await _app.QueryAsync(db => db.Notifications.AsNoTracking()
                .Where(n => bookingIds.Contains(n.SubjectId) && n.Kind == NotificationKind.BookingReminder).ToListAsync());
            delivered.GroupBy(n => (n.RecipientId, n.Kind, n.SubjectId, n.DueAt)).ShouldAllBe(g => g.Count() == 1);
            delivered.Select(n => (n.RecipientId, n.SubjectId, n.DueAt)).OrderBy(x => x.SubjectId).ToList().ShouldBe(
                reminders.Where(r => r.DueAt <= dispatchAt).Select(r => (r.RecipientId, r.SubjectId, r.DueAt)).OrderBy(x => x.SubjectId).ToList());

            foreach (var (person, ids) in booked)
            {
                var inbox = await person.Client.InboxAsync();
                inbox.OfKind(Reminder).Select(n => n.SubjectId()).Order().ShouldBe(ids.Order());
                (await _app.OutgoingEmailsToAsync(person.Email)).Count(e => e.Subject.Contains("예약 알림", StringComparison.Ordinal)).ShouldBe(3);
            }
        }
        finally
        {
            foreach (var person in people)
                person.Dispose();
        }
    }

    /// <summary>
    /// Runs several dispatchers at once and makes them overlap for sure: while this test holds the recipients' user rows
    /// (<c>FOR UPDATE</c>), a dispatcher that has read its due reminders cannot write their notifications (the foreign
    /// key check waits), so the others start while it is still in its transaction.
    /// </summary>
    private async Task RaceDispatchersAsync(Guid[] recipients, int dispatchers)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Task<DispatchedReminders>[] running;
        await using (var hold = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = ANY({recipients}) FOR UPDATE");
            var holder = await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            running = Enumerable.Range(0, dispatchers).Select(_ => Task.Run(() => _app.SendAsync(new DispatchReminders()))).ToArray();

            // Each dispatcher either waits on the held rows or has finished (having found nothing it could take); then the
            // hold goes. Were two of them to take the same reminders, both would be waiting here.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (true)
            {
                var waiting = await _app.QueryAsync(q => q.Database
                    .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE {holder} = ANY(pg_blocking_pids(pid))")
                    .SingleAsync());
                if (waiting + running.Count(t => t.IsCompleted) >= dispatchers)
                    break;
                if (DateTime.UtcNow > deadline)
                {
                    if (waiting > 0)
                        break;
                    throw new TimeoutException("The dispatchers neither reached the held rows nor finished.");
                }

                await Task.Delay(50);
            }

            await hold.CommitAsync();
        }

        await Task.WhenAll(running);
    }
}
