using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary><c>/metrics</c>: Prometheus text with the platform's own counters, for the allowed networks only.</summary>
[Collection(AppCollection.Name)]
public sealed partial class MetricsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static async Task<double> CountAsync(HttpClient client, string useCase, string outcome, string code = "")
    {
        var text = await client.GetStringAsync("/metrics");
        return Series().Matches(text)
            .Where(m => m.Groups["labels"].Value.Contains($"use_case=\"{useCase}\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains($"code=\"{code}\"", StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_booking_made_and_one_refused_for_its_period_are_counted_with_the_code()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resource = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
        using var resident = await _app.SignedInResidentAsync();
        using var scraper = _app.NewClient();
        var made = await CountAsync(scraper, "CreateBooking", "done");
        var taken = await CountAsync(scraper, "CreateBooking", "refused", "period_taken");
        var start = BookingClient.Next(DayOfWeek.Wednesday, 15, daysAhead: 6);

        await resident.BookedAsync(resource, start, start.AddHours(1));
        (await resident.BookAsync(resource, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await CountAsync(scraper, "CreateBooking", "done")).ShouldBe(made + 1);
        (await CountAsync(scraper, "CreateBooking", "refused", "period_taken")).ShouldBe(taken + 1);
        var text = await scraper.GetStringAsync("/metrics");
        text.ShouldContain("sharingplatform_outbox_depth");
    }

    [Fact]
    public async Task Requests_and_database_commands_are_measured_too()
    {
        // A host of its own: ASP.NET Core's and Npgsql's meters belong to their host, and other hosts of this process
        // come and go.
        await using var app = new AppFactory(new AppFactory.Settings("metricshost", RunJobServer: false));
        await app.StartAsync();
        using var client = app.NewClient();
        (await client.GetAsync("/api/v1/resources")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var text = await client.GetStringAsync("/metrics");

        text.ShouldContain("http_server_request_duration_seconds_count{");
        text.ShouldContain("api/v1/resources");
        text.ShouldContain("db_client_operation_duration_seconds");
    }

    [Fact]
    public async Task Outside_the_allowed_networks_there_is_no_metrics_page()
    {
        await using var app = new AppFactory(new AppFactory.Settings("metrics", RunJobServer: false,
            Overrides: new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = "10.20.0.0/16" }));
        await app.StartAsync();
        using var client = app.NewClient();

        var response = await client.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("sharingplatform_use_cases_total");
    }

    [GeneratedRegex(@"^sharingplatform_use_cases_total\{(?<labels>[^}]*)\} (?<value>[0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex Series();
}
