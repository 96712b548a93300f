using Scalar.AspNetCore;

namespace SharingPlatform.Web.Api;

/// <summary>
/// The API reference at <c>/api/docs</c>: Scalar's bundled script (served by Scalar.AspNetCore, no CDN) started from a
/// script file rather than Scalar's inline one, so no inline script is needed (see SecurityHeaders for its styles).
/// </summary>
public static class ApiDocsEndpoints
{
    private const string AssetsPath = "/api/docs/scalar";

    public static void MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(AssetsPath, o => o.WithTitle("SharingPlatform API"));

        app.MapGet("/api/docs", () => Results.Content($"""
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>SharingPlatform API</title>
                </head>
                <body>
                  <main id="app"></main>
                  <script src="{AssetsPath}/scalar.js"></script>
                  <script src="/api/docs/start.js"></script>
                </body>
                </html>
                """, "text/html; charset=utf-8")).ExcludeFromDescription();

        app.MapGet("/api/docs/start.js", () => Results.Text(
            "Scalar.createApiReference('#app', { url: '/openapi/v1.json', title: 'SharingPlatform API', withDefaultFonts: false });",
            "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }
}
