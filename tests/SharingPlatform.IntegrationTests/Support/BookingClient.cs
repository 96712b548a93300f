using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharingPlatform.Tests.Support;

/// <summary>Builders for booking tests: times in Seoul, a resource open around the clock, a booking request.</summary>
public static class BookingClient
{
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>The first <paramref name="day"/> at least <paramref name="daysAhead"/> days after today (Seoul), at hour:minute Seoul time.</summary>
    public static DateTimeOffset Next(DayOfWeek day, int hour, int minute = 0, int daysAhead = 3)
    {
        var date = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Kst).DateTime).AddDays(daysAhead);
        while (date.DayOfWeek != day)
            date = date.AddDays(1);
        return new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Kst);
    }

    /// <summary>The next 30-minute boundary at least <paramref name="atLeast"/> after the app's now.</summary>
    public static DateTimeOffset NextHalfHour(this AppFactory app, TimeSpan atLeast)
    {
        var earliest = app.Clock.GetUtcNow() + atLeast;
        var halfHours = (long)Math.Ceiling(earliest.ToUnixTimeSeconds() / 1800.0);
        return DateTimeOffset.FromUnixTimeSeconds(halfHours * 1800);
    }

    /// <summary>A resource body whose policy lets anyone book any half hour of any day at once, automatically confirmed.</summary>
    public static JsonObject AroundTheClock(Guid organizationId, bool requiresCheckIn = false, int maxActivePerPerson = 10, string title = "24시간 공유공간")
    {
        var body = CatalogClient.ResourceBody(organizationId, title);
        var policy = CatalogClient.PolicyBody([.. Enum.GetNames<DayOfWeek>().Select(d => (d.ToLowerInvariant(), "00:00", "24:00"))]);
        policy["approvalMode"] = "automatic";
        policy["minNoticeMinutes"] = 0;
        policy["requiresCheckIn"] = requiresCheckIn;
        policy["maxActivePerPerson"] = maxActivePerPerson;
        body["policy"] = policy;
        return body;
    }

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, Guid resourceId, DateTimeOffset start, DateTimeOffset end, int attendees = 2) =>
        client.PostAsJsonAsync("/api/v1/bookings", new { resourceId, startsAt = start, endsAt = end, attendees, purpose = "공유경제 스터디" });

    public static async Task<Guid> BookedAsync(this HttpClient client, Guid resourceId, DateTimeOffset start, DateTimeOffset end) =>
        (await client.BookAsync(resourceId, start, end).ExpectAsync(HttpStatusCode.Created)).Id();

    public static async Task<string> StatusOfAsync(this HttpClient client, Guid bookingId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("status").GetString()!;
}
