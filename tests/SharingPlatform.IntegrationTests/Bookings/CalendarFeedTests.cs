using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

[Collection(AppCollection.Name)]
public sealed class CalendarFeedTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_feed_parses_and_lists_exactly_the_confirmed_bookings_until_the_link_is_replaced()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var automatic = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, title: "공유 회의실 A"));
        var manual = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "승인 필요한 강당"));
        using var booker = await _app.SignedInResidentAsync();
        var tuesday = BookingClient.Next(DayOfWeek.Tuesday, 10);
        var confirmed = await booker.BookedAsync(automatic, tuesday, tuesday.AddHours(2));
        var cancelled = await booker.BookedAsync(automatic, tuesday.AddDays(1), tuesday.AddDays(1).AddHours(1));
        await booker.PostAsJsonAsync($"/api/v1/bookings/{cancelled}/cancel", new { reason = "" }).ExpectAsync(HttpStatusCode.OK);
        await booker.BookedAsync(manual, tuesday, tuesday.AddHours(1)); // pending
        using var other = await _app.SignedInResidentAsync();
        await other.BookedAsync(automatic, tuesday.AddHours(3), tuesday.AddHours(4));

        var link = await booker.PostAsync("/api/v1/me/calendar-link", null).ExpectAsync(HttpStatusCode.OK);
        var token = link.GetProperty("token").GetString()!;
        link.GetProperty("url").GetString().ShouldEndWith($"/calendar/{token}.ics");
        using var calendarApp = _app.NewClient();
        var response = await calendarApp.GetAsync($"/calendar/{token}.ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");

        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var booked = calendar.Events.Single();
        booked.Summary.ShouldBe("공유 회의실 A");
        booked.Uid.ShouldBe($"booking-{confirmed}@sharingplatform");
        booked.DtStart!.AsUtc.ShouldBe(tuesday.UtcDateTime);
        booked.DtEnd!.AsUtc.ShouldBe(tuesday.AddHours(2).UtcDateTime);

        var replaced = await booker.PostAsync("/api/v1/me/calendar-link", null).ExpectAsync(HttpStatusCode.OK);
        replaced.GetProperty("token").GetString().ShouldNotBe(token);
        (await calendarApp.GetAsync($"/calendar/{token}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calendarApp.GetAsync($"/calendar/{replaced.GetProperty("token").GetString()}.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await booker.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("calendarToken").GetString().ShouldBe(replaced.GetProperty("token").GetString());
    }
}
