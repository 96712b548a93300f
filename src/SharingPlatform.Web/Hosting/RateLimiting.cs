using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SharingPlatform.Web.Hosting;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in and sign-up attempts (POSTs) one address may make per minute.</summary>
    [Range(1, 100_000)]
    public int AccountPermitsPerMinute { get; set; } = 10;
}

public static class RateLimiting
{
    public const string Accounts = "accounts";

    public static IServiceCollection AddSharingPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var permits = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>()?.AccountPermitsPerMinute ?? 10;

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Accounts, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
