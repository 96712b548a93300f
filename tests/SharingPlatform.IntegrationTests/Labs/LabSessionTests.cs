using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>A session's life with the app's clock moved: check-in, usage, no-show, reminders; and the lab's review.</summary>
[Collection(AppCollection.Name)]
public sealed class LabSessionTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private IDisposable TravelTo(DateTimeOffset instant) => _app.Clock.Travel(instant - _app.Clock.GetUtcNow());

    [Fact]
    public async Task A_session_not_checked_in_fifteen_minutes_after_the_start_is_a_no_show_and_frees_its_seat()
    {
        using var lab = await _app.PublishedLabAsync(seats: 1, ("3D 프린터", false));
        var printer = lab.Equipment["3D 프린터"];
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromHours(3))).StartsAt();
        using var booker = await _app.PersonAsync();
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot, printer);

        using (TravelTo(slot.AddMinutes(14)))
        {
            using var later = await _app.SignedInNowAsync(booker.Email);
            await _app.SendAsync(new SettleLabSessions());
            (await later.LabBookingAsync(bookingId)).GetProperty("status").GetString().ShouldBe("booked");
        }

        using (TravelTo(slot.AddMinutes(15)))
        {
            using var later = await _app.SignedInNowAsync(booker.Email);
            await _app.SendAsync(new SettleLabSessions());
            (await later.LabBookingAsync(bookingId)).GetProperty("status").GetString().ShouldBe("noShow");
            (await later.BookLabAsync(lab.Id, slot).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("slot_started");
        }

        (await _app.QueryAsync(db => db.LabSlots.SingleAsync(s => s.LabId == lab.Id && s.StartsAt == slot))).SeatsTaken.ShouldBe(0);
        var seat = await lab.Manager.SlotAtAsync(lab.Id, slot);
        seat.GetProperty("seatsLeft").GetInt32().ShouldBe(1);
        seat.GetProperty("freeEquipmentIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([printer]);
        (await booker.NotificationsAsync("labNoShowRecorded")).ShouldHaveSingleItem();
        (await _app.QueryAsync(db => db.Reminders.CountAsync(r => r.SubjectId == bookingId && r.SentAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task Three_lab_no_shows_pause_booking_of_labs_and_resources()
    {
        using var lab = await _app.PublishedLabAsync(seats: 2);
        using var booker = await _app.PersonAsync();
        var slots = await lab.Manager.SlotsAsync(lab.Id, _app.Clock.GetUtcNow().AddHours(3), _app.Clock.GetUtcNow().AddDays(2));
        foreach (var slot in slots.Take(3))
            await booker.Client.BookedLabAsync(lab.Id, slot.StartsAt());
        var later = slots[5].StartsAt();

        using (TravelTo(slots[2].StartsAt().AddMinutes(20)))
            await _app.SendAsync(new SettleLabSessions());

        (await booker.Client.BookLabAsync(lab.Id, later).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("booking_paused");
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == booker.Id))).BookingPausedUntil.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_manager_checks_the_booker_in_and_records_usage_that_the_usage_totals_read()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4, ("레이저 커터", false), ("3D 프린터", false));
        var cutter = lab.Equipment["레이저 커터"];
        var printer = lab.Equipment["3D 프린터"];
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromHours(3))).StartsAt();
        using var booker = await _app.PersonAsync(displayName: "최사용");
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot, cutter, printer);

        using (TravelTo(slot.AddMinutes(5)))
        {
            using var manager = await _app.SignedInNowAsync(lab.Organization.OwnerEmail);
            var today = await manager.GetAsync($"/api/v1/labs/{lab.Id}/sessions").ExpectAsync(HttpStatusCode.OK);
            var listed = today.GetProperty("items").EnumerateArray().Single();
            listed.GetProperty("bookerName").GetString().ShouldBe("최사용");
            listed.GetProperty("equipment").GetArrayLength().ShouldBe(2);
            (await manager.PostAsync($"/api/v1/lab-bookings/{bookingId}/check-in", null).ExpectAsync(HttpStatusCode.OK))
                .GetProperty("status").GetString().ShouldBe("checkedIn");
        }

        using (TravelTo(slot.AddHours(2)))
        {
            using var manager = await _app.SignedInNowAsync(lab.Organization.OwnerEmail);
            var done = await manager.PostAsJsonAsync($"/api/v1/lab-bookings/{bookingId}/usage",
                new { usage = new[] { new { equipmentId = cutter, minutes = 45 } } }).ExpectAsync(HttpStatusCode.OK);
            done.GetProperty("status").GetString().ShouldBe("completed");
        }

        var date = DateOnly.FromDateTime(slot.ToOffset(BookingClient.Kst).DateTime).ToString("yyyy-MM-dd");
        var usage = await lab.Manager.GetAsync($"/api/v1/labs/{lab.Id}/usage?from={date}&to={date}").ExpectAsync(HttpStatusCode.OK);
        usage.GetProperty("sessions").GetInt32().ShouldBe(1);
        usage.GetProperty("sessionMinutes").GetInt32().ShouldBe(120);
        var perEquipment = usage.GetProperty("equipment").EnumerateArray().ToDictionary(e => e.GetProperty("equipmentId").GetGuid(), e => e.GetProperty("minutes").GetInt32());
        perEquipment[cutter].ShouldBe(45);
        perEquipment[printer].ShouldBe(120);
        using var admin = await _app.AdministratorAsync();
        await admin.GetAsync($"/api/v1/labs/{lab.Id}/usage?from={date}&to={date}").ExpectAsync(HttpStatusCode.OK);
        await booker.Client.GetAsync($"/api/v1/labs/{lab.Id}/usage?from={date}&to={date}").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_day_before_reminder_is_delivered_once_and_a_cancelled_session_is_not_reminded()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4);
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(2))).StartsAt();
        using var booker = await _app.PersonAsync();
        using var quitter = await _app.PersonAsync();
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot);
        var cancelledId = await quitter.Client.BookedLabAsync(lab.Id, slot);
        (await booker.NotificationsAsync("labSessionBooked")).ShouldHaveSingleItem();
        await quitter.Client.PostAsJsonAsync($"/api/v1/lab-bookings/{cancelledId}/cancel", new { reason = (string?)null }).ExpectAsync(HttpStatusCode.OK);
        (await lab.Organization.Owner.InboxAsync()).OfKind("labSessionCancelled").ShouldHaveSingleItem();

        await _app.DispatchRemindersAtAsync(slot.AddHours(-24).AddMinutes(-5));
        (await booker.NotificationsAsync("labSessionReminder")).ShouldBeEmpty();

        await _app.DispatchRemindersAtAsync(slot.AddHours(-24).AddMinutes(5), times: 2);
        var reminder = (await booker.NotificationsAsync("labSessionReminder")).ShouldHaveSingleItem();
        reminder.Title().ShouldStartWith("실험실 예약 알림: 메이커 스페이스");
        (await quitter.NotificationsAsync("labSessionReminder")).ShouldBeEmpty();
        (await _app.OutgoingEmailsToAsync(booker.Email)).Count(e => e.Subject.Contains("실험실 예약 알림", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_approves_a_lab_from_the_queue_and_suspending_hides_it()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var labId = await CatalogClient.CreatedIdAsync(owner.Owner.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(organization.Id, name: "전자공작 실험실", municipality: "iksan")));
        using var anyone = _app.NewClient();
        await anyone.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.NotFound);
        await owner.Owner.PostAsync($"/api/v1/labs/{labId}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();
        var queue = await admin.GetAsync("/api/v1/admin/queue").ExpectAsync(HttpStatusCode.OK);
        queue.GetProperty("labs").EnumerateArray().ShouldContain(l => l.GetProperty("id").GetGuid() == labId);

        await admin.DecideAsync("labs", labId, "approve");
        var shown = await anyone.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK);
        shown.GetProperty("status").GetString().ShouldBe("published");
        shown.GetProperty("seatsPerSlot").GetInt32().ShouldBe(4);
        var found = await anyone.GetAsync("/api/v1/labs?q=전자공작&municipality=iksan").ExpectAsync(HttpStatusCode.OK);
        found.GetProperty("items").EnumerateArray().ShouldContain(l => l.GetProperty("id").GetGuid() == labId);

        await admin.PostAsJsonAsync($"/api/v1/admin/labs/{labId}/suspend", new { reason = (string?)null }).ExpectAsync(HttpStatusCode.BadRequest);
        await admin.DecideAsync("labs", labId, "suspend", "안전 점검 필요");
        await anyone.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.NotFound);
        (await anyone.GetAsync("/api/v1/labs?q=전자공작").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .ShouldNotContain(l => l.GetProperty("id").GetGuid() == labId);
        (await owner.Owner.InboxAsync()).OfKind("labSuspended").ShouldHaveSingleItem().Body().ShouldContain("안전 점검 필요");
        var audit = await admin.GetAsync($"/api/v1/admin/audit?subjectType=lab&subjectId={labId}").ExpectAsync(HttpStatusCode.OK);
        audit.GetProperty("items").GetArrayLength().ShouldBe(2);

        await admin.DecideAsync("labs", labId, "restore");
        await anyone.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK);
    }
}
