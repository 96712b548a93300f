using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SharingPlatform.Infrastructure.Observability;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// OpenTelemetry: metrics of HTTP (server and client), Npgsql, the runtime and the platform's own meter, exported as
/// Prometheus text at <c>/metrics</c> for the networks in <c>Metrics:AllowedNetworks</c> only (CIDR, a list or one
/// comma-separated value; loopback by default: everyone else gets 404); traces of the same, exported by OTLP, like the
/// metrics, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class MetricsSetup
{
    public const string AllowedNetworks = "Metrics:AllowedNetworks";

    /// <summary>
    /// The streams with a series per route, use case or exception type, whose number grows with the site. Every other
    /// stream has a handful (a pool, a scheme, a generation) and gets room for <see cref="FewSeries"/>: a stream reserves
    /// room for all the series it may hold when it starts, 2,000 by default, and the 77 streams held 11 MB of the heap.
    /// </summary>
    private static readonly HashSet<string> ManySeries =
    [
        "http.server.request.duration", "http.client.request.duration", "aspnetcore.routing.match_attempts",
        "aspnetcore.diagnostics.exceptions", "dotnet.exceptions", "sharingplatform.use_cases", "sharingplatform.use_case.duration",
    ];

    private const int FewSeries = 100;

    public static IServiceCollection AddSharingPlatformMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddHostedService<PlatformGauges>();
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("Npgsql", PlatformMeter.Name)
                    .AddView(instrument => ManySeries.Contains(instrument.Name) ? null : new MetricStreamConfiguration { CardinalityLimit = FewSeries })
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        // Traces only where something receives them: otherwise every request and database command would still record one.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddSource("Npgsql").AddOtlpExporter());
        }

        return services;
    }

    /// <summary><c>/metrics</c>, answered only to the allowed networks.</summary>
    public static void MapSharingPlatformMetrics(this WebApplication app)
    {
        var configured = ProxySetup.Values(app.Configuration, AllowedNetworks)
            .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw new InvalidOperationException(
                $"{AllowedNetworks}: '{v}' is not a network such as 10.0.0.0/24."))
            .ToList();
        IReadOnlyList<System.Net.IPNetwork> allowed = configured.Count > 0
            ? configured
            : [new System.Net.IPNetwork(IPAddress.Loopback, 8), new System.Net.IPNetwork(IPAddress.IPv6Loopback, 128)];
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics"
            && context.Connection.RemoteIpAddress is { } address
            && allowed.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)));
    }
}
