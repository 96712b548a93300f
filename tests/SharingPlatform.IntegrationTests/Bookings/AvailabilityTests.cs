using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

[Collection(AppCollection.Name)]
public sealed class AvailabilityTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static string Window(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    [Fact]
    public async Task The_public_sees_open_hours_and_busy_time_without_who_booked_and_the_booker_sees_theirs()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var body = CatalogClient.ResourceBody(organization.Id);
        body["policy"]!["bufferMinutes"] = 30;
        var resourceId = await _app.PublishedResourceAsync(organization, body);
        using var booker = await _app.SignedInResidentAsync();
        var monday = BookingClient.Next(DayOfWeek.Monday, 0);
        var bookingId = await booker.BookedAsync(resourceId, monday.AddHours(10), monday.AddHours(12));
        using var anonymous = _app.NewClient();

        var seen = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}/availability?{Window(monday, monday.AddDays(7))}");

        // Monday to Saturday 09:00–18:00: six opening periods, Sunday closed.
        seen.GetProperty("openingHours").GetArrayLength().ShouldBe(6);
        seen.GetProperty("openingHours")[0].GetProperty("startsAt").GetDateTimeOffset().ShouldBe(monday.AddHours(9));
        var busy = seen.GetProperty("busy").EnumerateArray().Single();
        busy.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(monday.AddHours(10));
        busy.GetProperty("blockedUntil").GetDateTimeOffset().ShouldBe(monday.AddHours(12).AddMinutes(30));
        busy.GetProperty("mine").GetBoolean().ShouldBeFalse();
        busy.GetProperty("bookingId").ValueKind.ShouldBe(JsonValueKind.Null);
        seen.GetRawText().ShouldNotContain("테스트 주민");

        var slots = seen.GetProperty("slots").EnumerateArray()
            .ToDictionary(s => s.GetProperty("startsAt").GetDateTimeOffset(), s => s.GetProperty("state").GetString());
        slots[monday.AddHours(13)].ShouldBe("free");
        slots[monday.AddHours(9)].ShouldBe("unavailable"); // 09:00–10:00 plus its buffer would reach into 10:00
        slots[monday.AddHours(11).AddMinutes(30)].ShouldBe("busy");
        slots[monday.AddHours(12)].ShouldBe("busy"); // the buffer
        slots[monday.AddHours(12).AddMinutes(30)].ShouldBe("free");
        slots[monday.AddHours(9).AddMinutes(30)].ShouldBe("unavailable"); // an hour's minimum does not fit before 10:00
        slots[monday.AddHours(17).AddMinutes(30)].ShouldBe("unavailable"); // nor before closing

        var mine = await booker.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}/availability?{Window(monday, monday.AddDays(1))}");
        mine.GetProperty("busy")[0].GetProperty("mine").GetBoolean().ShouldBeTrue();
        mine.GetProperty("busy")[0].GetProperty("bookingId").GetGuid().ShouldBe(bookingId);
        var ownerView = await organization.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}/availability?{Window(monday, monday.AddDays(1))}");
        ownerView.GetProperty("busy")[0].GetProperty("bookingId").GetGuid().ShouldBe(bookingId);
    }

    [Fact]
    public async Task A_window_longer_than_a_month_or_an_unpublished_resource_is_refused()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id));
        var draft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "초안"));
        using var anonymous = _app.NewClient();
        var monday = BookingClient.Next(DayOfWeek.Monday, 0);

        (await anonymous.GetAsync($"/api/v1/resources/{resourceId}/availability?{Window(monday, monday.AddDays(40))}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.GetAsync($"/api/v1/resources/{draft}/availability?{Window(monday, monday.AddDays(7))}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
