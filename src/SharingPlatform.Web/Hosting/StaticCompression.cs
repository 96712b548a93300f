using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// The site's stylesheets and scripts leave compressed (Brotli or gzip, as the browser accepts): KRDS's stylesheet alone
/// is 570 KB, which a phone otherwise waits for on every first visit. Pages and the API are left to nginx in production;
/// static files hold no secret, so compressing them over HTTPS is safe.
/// </summary>
public static class StaticCompression
{
    public static IServiceCollection AddSharingPlatformStaticCompression(this IServiceCollection services) =>
        services
            .AddResponseCompression(options =>
            {
                options.EnableForHttps = true;
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
                options.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            })
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);

    public static IApplicationBuilder UseStaticCompression(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/css")
                || context.Request.Path.StartsWithSegments("/js"),
            compressed => compressed.UseResponseCompression());
}
