using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// How much of a request body the app reads before answering 413: room for one photo in a multipart upload (the only
/// requests that carry files), and a small amount for everything else (JSON and forms of text). One person sending
/// many large bodies at once cannot fill the memory: nothing larger than an upload is ever read, uploads are buffered
/// on disk past 64 KB, and a JSON body is at most <see cref="Text"/>.
/// </summary>
public static class BodyLimits
{
    /// <summary>A photo at its largest plus the multipart framing; nginx's <c>client_max_body_size 11m</c> matches.</summary>
    public const long Upload = PhotoUploads.MaxBytes + 1024 * 1024;

    /// <summary>JSON and text forms: a long story or description is tens of kilobytes.</summary>
    public const long Text = 256 * 1024;

    public static IServiceCollection AddSharingPlatformBodyLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = Upload);

    /// <summary>
    /// A body declared larger than its limit is answered 413 at once, unread (the API's problem, the site's error page); a
    /// body sent without its length is cut off by Kestrel at the limit.
    /// </summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limit = context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true ? Upload : Text;
        if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = limit;
        return next(context);
    });
}
