using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

[Collection(AppCollection.Name)]
public sealed class LabCalendarTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_booked_lab_session_is_in_the_personal_calendar_feed_and_leaves_it_when_cancelled()
    {
        using var lab = await _app.PublishedLabAsync(seats: 2);
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        using var booker = (await _app.ResidentsAsync(1))[0];
        var bookingId = await booker.BookedLabAsync(lab.Id, slot);
        var token = (await booker.PostAsync("/api/v1/me/calendar-link", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("token").GetString();
        using var calendarApp = _app.NewClient();

        var session = Calendar.Load(await calendarApp.GetStringAsync($"/calendar/{token}.ics"))!.Events.Single();

        session.Uid.ShouldBe($"lab-booking-{bookingId}@sharingplatform");
        session.Summary.ShouldBe("메이커 스페이스");
        session.DtStart!.AsUtc.ShouldBe(slot.UtcDateTime);
        session.DtEnd!.AsUtc.ShouldBe(slot.AddHours(2).UtcDateTime);

        await booker.PostAsJsonAsync($"/api/v1/lab-bookings/{bookingId}/cancel", new { reason = (string?)null }).ExpectAsync(HttpStatusCode.OK);
        Calendar.Load(await calendarApp.GetStringAsync($"/calendar/{token}.ics"))!.Events.ShouldBeEmpty();
    }
}
