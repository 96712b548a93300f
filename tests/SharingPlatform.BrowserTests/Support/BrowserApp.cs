using Microsoft.Playwright;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests.Support;

/// <summary>
/// One app (real Kestrel on loopback, its own cloned database, emails as .eml files) and one headless Debian Chromium
/// for the whole project. Hangfire's process-wide state allows one host per process; a browser is slow to start.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppFactory App { get; } = new(new AppFactory.Settings("browser"));

    public IBrowser Browser { get; private set; } = null!;

    public Mailbox Mailbox => App.Mailbox;

    public async Task InitializeAsync()
    {
        // CI runs these beside the integration tests on two cores: a slow page is slow, not broken.
        Assertions.SetDefaultExpectTimeout(20_000);
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser profile (no cookies) whose Accept-Language is <paramref name="locale"/>, on a screen <paramref name="width"/> px wide.</summary>
    public async Task<BrowserPage> NewPageAsync(string locale = "ko-KR", int width = 1100, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Seoul",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
