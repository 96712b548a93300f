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
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.AccountPermitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            o.AddPolicy(Reports, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.ReportsPerHour,
                        Window = TimeSpan.FromHours(1),
                        QueueLimit = 0,
                    }));
        });
        return services;
    }
}
