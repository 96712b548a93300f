using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Primitives;
using Npgsql;
using SharingPlatform.Web.Pages;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// The public pages (<see cref="PolicyName"/>) are kept in each node's memory for anonymous visitors, per address,
/// language and minute, for a minute at most. A write request a node answers drops them there before its answer leaves
/// and, through <c>NOTIFY page_data_changed</c>, on every node (<see cref="PageDataChanges"/>). A node that is not
/// listening serves nothing from memory. What background jobs or SQL by hand change shows within the minute.
/// </summary>
public static class PageCache
{
    public const string PolicyName = "public-page";

    internal const string Tag = "public-page";

    public static IServiceCollection AddSharingPlatformPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 32 * 1024 * 1024;
            o.AddPolicy(PolicyName, new AnonymousPagePolicy());
        });
        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, TempDataCookieWhenSent>());
        services.AddSingleton<PageDataChanges>();
        services.AddSingleton<PublicAnswers.Store>();
        // The public parts of signed-in pages (PublicPartTagHelper), in the memory of the framework's <cache> tag.
        services.Configure<CacheTagHelperOptions>(o => o.SizeLimit = 16 * 1024 * 1024);
        services.AddScoped<PublicAnswers>();
        services.AddHostedService(sp => sp.GetRequiredService<PageDataChanges>());
        return services;
    }

    /// <summary>After authentication: a signed-in person's pages are never kept.</summary>
    public static void UseSharingPlatformPageCache(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.OnStarting(async () =>
                {
                    if (context.Response.StatusCode < 400)
                        await context.RequestServices.GetRequiredService<PageDataChanges>().ChangedHereAsync();
                });
            }

            return next(context);
        });
        app.UseOutputCache();
    }

    private sealed class AnonymousPagePolicy : IOutputCachePolicy
    {
        private const string GenerationItem = "page-cache-generation";

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var listener = http.RequestServices.GetRequiredService<PageDataChanges>();
            var request = http.Request;
            var cacheable = listener.IsListening
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && string.IsNullOrEmpty(request.Headers.Authorization)
                // A message carried to this page (TempData) is shown once: the page is made for this visitor.
                && !request.Cookies.ContainsKey(CookieTempDataProvider.CookieName);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(1);
            context.Tags.Add(Tag);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["font"] = SiteFont.IsCached(request) ? "cached" : "later";
            // The app's clock, not the cache's: pages say what is free now, and tests move the clock.
            var minute = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() / 60;
            context.CacheVaryByRules.VaryByValues["minute"] = minute.ToString(CultureInfo.InvariantCulture);
            http.Items[GenerationItem] = listener.Generation;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var listener = http.RequestServices.GetRequiredService<PageDataChanges>();
            // A page read before a change that was dropped while it was being made would outlive the change.
            if (http.Response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
                || http.Items[GenerationItem] is not long generation || generation != listener.Generation)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// Tells every node that page data changed, and listens for it. A notice is sent after the change committed, from a
/// connection of its own and at most every 100 ms however many writes there were: a NOTIFY in the writing transaction
/// would hold PostgreSQL's notification lock through its commit and so put every booking's commit in one line.
/// </summary>
public sealed class PageDataChanges(IOutputCacheStore store, IConfiguration configuration, ILogger<PageDataChanges> logger)
    : BackgroundService
{
    private const string Channel = "page_data_changed";

    private readonly System.Threading.Channels.Channel<bool> _notices =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });

    private volatile bool _listening;

    private long _generation;

    /// <summary>Whether a change made on another node reaches this one now; kept pages are served only then.</summary>
    public bool IsListening => _listening;

    /// <summary>Goes up each time the kept pages are dropped.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>A write this node made has committed: its pages go now, every node's with the next notice.</summary>
    public async ValueTask ChangedHereAsync()
    {
        await DropPagesAsync(CancellationToken.None);
        _notices.Writer.TryWrite(true);
    }

    private async ValueTask DropPagesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        await store.EvictByTagAsync(PageCache.Tag, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendNoticesAsync(stoppingToken));

    private async Task SendNoticesAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("Default");
        try
        {
            while (await _notices.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
                _notices.Reader.TryRead(out _);
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not tell the other nodes that page data changed; their kept pages go within the minute");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task ListenAsync(CancellationToken stoppingToken) =>
        PostgresListener.ListenAsync(configuration.GetConnectionString("Default"), Channel, "page-data-listener",
            listening: async ct =>
            {
                await DropPagesAsync(ct);
                _listening = true;
            },
            notified: (_, ct) => DropPagesAsync(ct),
            stopped: async error =>
            {
                _listening = false;
                if (error is null)
                    return;
                logger.LogWarning(error, "Not listening for page data changes; public pages are not kept until it listens again");
                await DropPagesAsync(CancellationToken.None);
            },
            stoppingToken);
}

/// <summary>
/// Deletes the TempData cookie only for a visitor who sent one: a page that reads TempData (a message after a form)
/// would otherwise answer every visitor with a Set-Cookie, and a page with a cookie cannot be kept for others.
/// </summary>
public sealed class TempDataCookieWhenSent(CookieTempDataProvider cookies) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count > 0 || context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName))
            cookies.SaveTempData(context, values);
    }
}
