using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace SharingPlatform.Web.Hosting;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in and sign-up attempts (POSTs) one address may make per minute.</summary>
    [Range(1, 100_000)]
    public int AccountPermitsPerMinute { get; set; } = 10;

    /// <summary>Reports one signed-in person may file per hour.</summary>
    [Range(1, 100_000)]
    public int ReportsPerHour { get; set; } = 10;
}

public static class RateLimiting
{
    public const string Accounts = "accounts";
    public const string Reports = "reports";

    public static IServiceCollection AddSharingPlatformRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Accounts, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : Shared(context, $"accounts:{context.Connection.RemoteIpAddress}", o => o.AccountPermitsPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Reports, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : Shared(context, $"reports:{context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString()}",
                    o => o.ReportsPerHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    /// <summary>A partition whose count every node shares (<see cref="SharedFixedWindowLimiter"/>).</summary>
    private static RateLimitPartition<string> Shared(HttpContext context, string partition, Func<RateLimitingOptions, int> permits, TimeSpan window)
    {
        var services = context.RequestServices;
        return RateLimitPartition.Get(partition, key => new SharedFixedWindowLimiter(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<TimeProvider>(), key,
            permits(services.GetRequiredService<IOptions<RateLimitingOptions>>().Value), window));
    }
}
