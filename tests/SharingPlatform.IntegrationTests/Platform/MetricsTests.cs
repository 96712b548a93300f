using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
        // Streams with many series and with few keep the buckets their libraries advise (5 ms and 1 ms first).
        text.ShouldMatch("""http_server_request_duration_seconds_bucket\{[^}]*le="0.005"\}""");
        text.ShouldMatch("""db_client_operation_duration_seconds_bucket\{[^}]*le="0.001"\}""");
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

    [Fact]
    public async Task Without_an_OTLP_endpoint_requests_and_database_commands_record_no_trace()
    {
        using var client = _app.NewClient();
        (await client.GetAsync("/api/v1/resources?q=trace")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var requests = new ActivitySource("Microsoft.AspNetCore");
        using var commands = new ActivitySource("Npgsql");
        requests.HasListeners().ShouldBeFalse("something listens to the requests' activities");
        commands.HasListeners().ShouldBeFalse("something listens to the database commands' activities");
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_set_metrics_and_traces_are_sent_to_it()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var app = new AppFactory(new AppFactory.Settings("otlp", RunJobServer: false,
            Overrides: new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            }));
        await app.StartAsync();
        using var client = app.NewClient();

        (await client.GetAsync("/api/v1/resources?q=otlp")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An export can carry the use-case counter before the search is counted in it: wait for the one naming the search.
        var metrics = await collector.WaitForAsync("/v1/metrics", "SearchResources");
        metrics.ContentType.ShouldBe("application/x-protobuf");
        metrics.Body.ShouldContain("sharingplatform.use_cases");
        var traces = await collector.WaitForAsync("/v1/traces", "api/v1/resources");
        traces.ContentType.ShouldBe("application/x-protobuf");
    }

    /// <summary>A stand-in OpenTelemetry collector: an HTTP server on a loopback port that keeps what OTLP/HTTP posts to it.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _server;
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Path, string? ContentType, string Body)> _received = new();

        private OtlpCollector(WebApplication server) => _server = server;

        public string Address => _server.Urls.First();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var server = builder.Build();
            var collector = new OtlpCollector(server);
            server.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                // Protobuf keeps strings as UTF-8 bytes: names and attributes can be found in the payload as text.
                collector._received.Enqueue((request.Path, request.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
            await server.StartAsync();
            return collector;
        }

        public async Task<(string? ContentType, string Body)> WaitForAsync(string path, string text)
        {
            for (var i = 0; i < 100; i++)
            {
                if (_received.FirstOrDefault(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal)) is { Path: not null } found)
                    return (found.ContentType, found.Body);
                await Task.Delay(200);
            }
            throw new ShouldAssertException($"nothing posted to {path} named '{text}' within 20 s ({_received.Count} posts: {string.Join(", ", _received.Select(r => r.Path))})");
        }

        public async ValueTask DisposeAsync() => await _server.DisposeAsync();
    }

    [GeneratedRegex(@"^sharingplatform_use_cases_total\{(?<labels>[^}]*)\} (?<value>[0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex Series();
}
