using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Pages, stylesheets and scripts leave compressed (Brotli or gzip, as the browser accepts), as nginx compresses them in
/// production: KRDS's stylesheet alone is 277 KB and a resource page's calendars 57 KB of HTML (5.5 KB compressed), which
/// a phone otherwise waits for. This adds no exposure that nginx does not, and the secret a BREACH-style attack on
/// compressed pages goes after, the antiforgery token, is encrypted anew for every response. The API is left to nginx.
/// </summary>
public static class CompressionSetup
{
    public static IServiceCollection AddSharingPlatformCompression(this IServiceCollection services) =>
        services
            .AddResponseCompression(options =>
            {
                options.EnableForHttps = true;
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
                options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            })
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);

    public static IApplicationBuilder UseSharingPlatformCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !ApiPaths.IsApi(context.Request), compressed => compressed.UseResponseCompression());
}
