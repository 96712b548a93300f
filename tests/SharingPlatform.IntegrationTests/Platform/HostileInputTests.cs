using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Hostile input is refused with 400 (or a rule's 422), never answered with 500.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static async Task<JsonElement> ExpectValidationAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ProblemAsync();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
        return problem;
    }

    [Theory]
    [InlineData("/api/v1/resources")]
    [InlineData("/api/v1/labs")]
    [InlineData("/api/v1/circles")]
    [InlineData("/api/v1/bookings/mine")]
    [InlineData("/api/v1/notifications")]
    public async Task A_page_number_past_ten_thousand_is_refused_not_overflowed(string list)
    {
        using var resident = await _app.SignedInResidentAsync();

        await ExpectValidationAsync(await resident.GetAsync($"{list}?page=2147483647"), "page");
        await ExpectValidationAsync(await resident.GetAsync($"{list}?page=10001"), "page");
        (await resident.GetAsync($"{list}?page=10000")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_NUL_in_a_title_or_a_query_is_refused_with_the_field_named()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id, title: "소회의실\u0000대여");

        await ExpectValidationAsync(await organization.Owner.PostAsJsonAsync("/api/v1/resources", body), "title");

        body = CatalogClient.ResourceBody(organization.Id);
        body["description"] = "회의실\u0007입니다";
        await ExpectValidationAsync(await organization.Owner.PostAsJsonAsync("/api/v1/resources", body), "description");

        using var anonymous = _app.NewClient();
        await ExpectValidationAsync(await anonymous.GetAsync("/api/v1/resources?q=a%00b"), "q");
        (await anonymous.GetAsync("/Resources?q=a%00b")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bidi_override_or_a_lone_surrogate_in_a_name_is_refused()
    {
        using var resident = await _app.SignedInResidentAsync();

        await ExpectValidationAsync(
            await resident.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(name: "전주 협동조합\u202Egpj.exe")), "name");
        await ExpectValidationAsync(
            await resident.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(name: "전주 \u2066협동조합\u2069")), "name");

        var loneSurrogate = new StringContent(
            CatalogClient.OrganizationBody(name: "LONE").ToJsonString().Replace("LONE", "Jeonju \\ud800 coop", StringComparison.Ordinal),
            Encoding.UTF8, "application/json");
        await ExpectValidationAsync(await resident.PostAsync("/api/v1/organizations", loneSurrogate), "name");
    }

    [Fact]
    public async Task A_newline_and_a_tab_are_allowed_in_a_description_but_not_in_a_title()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id);
        body["description"] = "첫 줄\r\n둘째 줄\t탭\n\u202E오른쪽에서";

        await organization.Owner.PostAsJsonAsync("/api/v1/resources", body).ExpectAsync(HttpStatusCode.Created);

        body["title"] = "소회의실\n대여";
        await ExpectValidationAsync(await organization.Owner.PostAsJsonAsync("/api/v1/resources", body), "title");
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-02T00:00:00Z")]
    [InlineData("9999-12-30T00:00:00Z", "9999-12-31T00:00:00Z")]
    public async Task Availability_and_lab_slots_far_outside_the_calendar_are_refused(string from, string to)
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id));
        using var lab = await _app.PublishedLabAsync();
        using var anonymous = _app.NewClient();
        var window = $"from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";

        await ExpectValidationAsync(await anonymous.GetAsync($"/api/v1/resources/{resourceId}/availability?{window}"), "from");
        await ExpectValidationAsync(await anonymous.GetAsync($"/api/v1/labs/{lab.Id}/slots?{window}"), "from");
        await ExpectValidationAsync(await anonymous.GetAsync($"/api/v1/resources?availableFrom={Uri.EscapeDataString(from)}&availableTo={Uri.EscapeDataString(to)}"), "availableFrom");
        var page = await anonymous.GetAsync($"/Resources?date={from[..10]}&from=10:00&to=12:00");
        ((int)page.StatusCode).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task Incoming_bookings_the_audit_log_and_statistics_from_year_one_are_refused()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var admin = await _app.AdministratorAsync();

        await ExpectValidationAsync(await organization.Owner.GetAsync("/api/v1/bookings/incoming?date=0001-01-01"), "date");
        await ExpectValidationAsync(await admin.GetAsync("/api/v1/admin/audit?from=0001-01-01"), "from");
        await ExpectValidationAsync(await admin.GetAsync("/api/v1/admin/statistics?from=0001-01&to=0001-02"), "from");
    }

    [Fact]
    public async Task Statistics_of_months_before_any_resource_are_zero_not_500()
    {
        using var admin = await _app.AdministratorAsync();

        var statistics = await admin.GetAsync("/api/v1/admin/statistics?from=2026-01&to=2026-02").ExpectAsync(HttpStatusCode.OK);
        statistics.GetProperty("from").GetString().ShouldBe("2026-01");
        var empty = await admin.GetAsync("/api/v1/admin/statistics?from=2001-01&to=2001-02").ExpectAsync(HttpStatusCode.OK);
        empty.GetProperty("totals").GetProperty("publishedResources").GetInt32().ShouldBe(0);
        empty.GetProperty("totals").GetProperty("bookings").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_time_without_an_offset_is_refused_in_a_body_and_in_a_query()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
        using var booker = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Wednesday, 10);
        var local = start.ToString("yyyy-MM-ddTHH:mm:ss");

        var response = await booker.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId, startsAt = local, endsAt = start.AddHours(1).ToString("O"), attendees = 2, purpose = "스터디",
        });
        await ExpectValidationAsync(response, "startsAt");

        await ExpectValidationAsync(
            await booker.GetAsync($"/api/v1/resources/{resourceId}/availability?from={local}&to={Uri.EscapeDataString(start.AddDays(1).ToString("O"))}"),
            "from");
    }

    [Fact]
    public async Task A_body_with_a_duplicated_key_is_refused_rather_than_the_last_winning()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
        using var booker = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Thursday, 10);
        var json = $$"""
            {"resourceId":"{{resourceId}}","startsAt":"{{start:O}}","endsAt":"{{start.AddHours(1):O}}","attendees":2,"attendees":2000,"purpose":"스터디"}
            """;

        var response = await booker.PostAsync("/api/v1/bookings", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task A_booking_off_the_slot_boundaries_is_refused_with_off_slot()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
        using var booker = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Friday, 10);

        var response = await booker.BookAsync(resourceId, start.AddSeconds(30), start.AddHours(1).AddSeconds(30));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("off_slot");
        var bookingId = await booker.BookedAsync(resourceId, start, start.AddHours(1));
        var moved = await booker.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/move",
            new { startsAt = start.AddHours(2).AddMilliseconds(1), endsAt = start.AddHours(3).AddMilliseconds(1) });
        moved.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await moved.Content.ReadAsStringAsync());
        (await moved.ProblemAsync()).GetProperty("code").GetString().ShouldBe("off_slot");
    }

    [Fact]
    public async Task A_lab_booking_off_a_slot_start_is_refused()
    {
        using var lab = await _app.PublishedLabAsync();
        using var resident = await _app.SignedInResidentAsync();
        var slot = await resident.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(2));
        var startsAt = slot.GetProperty("startsAt").GetDateTimeOffset();

        var response = await resident.BookLabAsync(lab.Id, startsAt.AddSeconds(30));

        ((int)response.StatusCode).ShouldBeInRange(400, 499, await response.Content.ReadAsStringAsync());
    }
}
