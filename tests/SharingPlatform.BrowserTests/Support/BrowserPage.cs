using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace SharingPlatform.BrowserTests.Support;

/// <summary>
/// A page in its own browser context. It records what the browser refuses (Content-Security-Policy violations, script
/// errors) and checks every page it is asked to with axe.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly string? ScreenshotDirectory = Environment.GetEnvironmentVariable("SHARINGPLATFORM_SCREENSHOTS");
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        // Content-Security-Policy refusals and script errors show up as console errors.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _problems.Add($"console error on {page.Url}: {message.Text}");
        };
        // A stylesheet, script or icon the page asks for and does not get.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                _problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url} (on {page.Url})");
        };
        page.PageError += (_, error) => _problems.Add($"script error on {page.Url}: {error}");
        // A form that cannot be undone asks first (data-confirm): the person says yes, and the question is kept.
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>The questions the page asked (window.confirm), each answered yes.</summary>
    public List<string> Dialogs { get; } = [];

    /// <summary>
    /// The page as it is now passes axe with no serious or critical violation, and the browser has refused nothing so
    /// far. With SHARINGPLATFORM_SCREENSHOTS set, also saves a full-page screenshot named <paramref name="name"/>.
    /// </summary>
    public async Task CheckAsync(string name)
    {
        await WaitUntilCompleteAsync();
        if (ScreenshotDirectory is { Length: > 0 })
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
        }

        var serious = await SeriousAxeViolationsAsync();
        serious.ShouldBeEmpty($"axe found serious or critical violations on '{name}' ({Page.Url}):{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
        _problems.ShouldBeEmpty($"the browser reported problems by '{name}'");
    }

    /// <summary>
    /// axe-core (the copy Deque.AxeCore bundles) run in the page itself, once injected per document, asked for violations
    /// only. The package's own <c>RunAxe</c> opens a second page to finish every check, which made a check take 2–3 s
    /// instead of about half a second; the pages have no frames for it to reach.
    /// </summary>
    private async Task<List<string>> SeriousAxeViolationsAsync()
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await Page.EvaluateAsync(AxeScript);
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>
    /// Until the document has loaded, as the page itself says (<c>document.readyState</c>). Playwright's own load state
    /// stayed unset for 60 s, with the network long idle, once after a search form's navigation and once after a form
    /// that asked <c>confirm()</c>.
    /// </summary>
    private async Task WaitUntilCompleteAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await Page.EvaluateAsync<string>("document.readyState") == "complete")
                    return;
            }
            catch (PlaywrightException)
            {
                // The page navigated while it was asked: ask the next document.
            }

            if (waited.Elapsed >= LoadTimeout)
                throw new TimeoutException($"{Page.Url} did not finish loading within {LoadTimeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>For third-party pages (the Hangfire dashboard, the API reference) whose markup is not ours to fix:
    /// only what the browser refused (Content-Security-Policy, scripts, missing files), no axe.</summary>
    public void ShouldHaveNoBrowserProblems(string name) =>
        _problems.ShouldBeEmpty($"the browser reported problems by '{name}'");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
