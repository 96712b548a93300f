using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

[Collection(AppCollection.Name)]
public sealed class BookingDecisionTests(SharedApp shared)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private readonly AppFactory _app = shared.Factory;

    private static DateTimeOffset Thursday(int hour)
    {
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Kst).DateTime).AddDays(3);
        while (day.DayOfWeek != DayOfWeek.Thursday)
            day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Kst);
    }

    private async Task<(VerifiedOrganization Organization, HttpClient Booker, Guid BookingId)> RequestAsync()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id));
        var booker = await _app.SignedInResidentAsync();
        var booking = await booker.PostAsJsonAsync("/api/v1/bookings",
            new { resourceId, startsAt = Thursday(10), endsAt = Thursday(12), attendees = 3, purpose = "스터디" }).ExpectAsync(HttpStatusCode.Created);
        return (organization, booker, booking.Id());
    }

    [Fact]
    public async Task The_owning_organization_sees_the_request_and_approves_it()
    {
        var (organization, booker, bookingId) = await RequestAsync();
        using var owner = organization;
        using var _ = booker;

        var incoming = await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/bookings/incoming?status=pending");
        incoming.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ShouldContain(bookingId);

        var approved = await organization.Owner.PostAsync($"/api/v1/bookings/{bookingId}/approve", null).ExpectAsync(HttpStatusCode.OK);
        approved.GetProperty("status").GetString().ShouldBe("confirmed");
        (await booker.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("status").GetString().ShouldBe("confirmed");
        var again = await organization.Owner.PostAsync($"/api/v1/bookings/{bookingId}/approve", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.ProblemAsync()).GetProperty("code").GetString().ShouldBe("booking_not_pending");
    }

    [Fact]
    public async Task The_wrong_person_never_decides_and_strangers_do_not_see_the_booking()
    {
        var (organization, booker, bookingId) = await RequestAsync();
        using var owner = organization;
        using var _ = booker;
        using var stranger = await _app.SignedInResidentAsync();

        (await booker.PostAsync($"/api/v1/bookings/{bookingId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.PostAsync($"/api/v1/bookings/{bookingId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/bookings/{bookingId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/bookings/incoming")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await booker.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("status").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_frees_the_time()
    {
        var (organization, booker, bookingId) = await RequestAsync();
        using var owner = organization;
        using var _ = booker;

        (await organization.Owner.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/reject", new { reason = "" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await organization.Owner.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/reject", new { reason = "그날은 내부 행사가 있습니다" })
            .ExpectAsync(HttpStatusCode.OK);
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.GetProperty("statusReason").GetString().ShouldBe("그날은 내부 행사가 있습니다");

        var resourceId = rejected.GetProperty("resourceId").GetGuid();
        using var next = await _app.SignedInResidentAsync();
        await next.PostAsJsonAsync("/api/v1/bookings",
            new { resourceId, startsAt = Thursday(10), endsAt = Thursday(12), attendees = 3, purpose = "" }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_owner_cancels_with_a_reason_that_the_booker_reads_in_the_history()
    {
        var (organization, booker, bookingId) = await RequestAsync();
        using var owner = organization;
        using var _ = booker;
        await organization.Owner.PostAsync($"/api/v1/bookings/{bookingId}/approve", null).ExpectAsync(HttpStatusCode.OK);

        await organization.Owner.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/cancel", new { reason = "정전으로 휴관합니다" }).ExpectAsync(HttpStatusCode.OK);

        var seen = await booker.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}");
        seen.GetProperty("status").GetString().ShouldBe("cancelled");
        var last = seen.GetProperty("history").EnumerateArray().Last();
        last.GetProperty("status").GetString().ShouldBe("cancelled");
        last.GetProperty("actorName").GetString().ShouldBe("김대표");
        last.GetProperty("reason").GetString().ShouldBe("정전으로 휴관합니다");
        seen.GetProperty("history").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ShouldBe(["pending", "confirmed", "cancelled"]);
    }
}
