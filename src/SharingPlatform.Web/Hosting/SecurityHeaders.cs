namespace SharingPlatform.Web.Hosting;

public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's dashboard and Scalar's API reference (third-party markup) set inline styles; their scripts stay as
    /// strict as the site's.
    /// </summary>
    private static readonly string ThirdPartyUiPolicy =
        ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy =
            path.StartsWithSegments("/admin/jobs", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase)
                ? ThirdPartyUiPolicy
                : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}
