using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Tests.Support;
using Xunit.Abstractions;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// The authorization matrix (<see cref="AuthorizationMatrix"/>) checked two ways: it names every /api/v1 route and
/// every page handler the app has (read from its endpoint data source, so a new route without a line fails), and every
/// cell holds over real HTTP against the world of <see cref="MatrixWorld"/>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(SharedApp shared, ITestOutputHelper output)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public void Every_route_that_is_not_a_page_has_a_line_and_every_line_a_route()
    {
        var routes = Routes();
        var lines = AuthorizationMatrix.RouteLines.Select(l => l.Key).ToList();

        var duplicates = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = routes.Except(lines).Order().ToList();
        var stale = lines.Except(routes).Order().ToList();

        (duplicates.Count + missing.Count + stale.Count).ShouldBe(0,
            $"Routes without a line in AuthorizationMatrix:\n  {string.Join("\n  ", missing)}\n" +
            $"Lines whose route no longer exists:\n  {string.Join("\n  ", stale)}\nLines twice:\n  {string.Join("\n  ", duplicates)}");
    }

    [Fact]
    public async Task Every_route_cell_holds_over_http()
    {
        var watch = Stopwatch.StartNew();
        await using var world = await MatrixWorld.BuildAsync(_app);
        var built = watch.Elapsed;
        var wrong = await RunAsync(world, AuthorizationMatrix.RouteLines);
        output.WriteLine($"{AuthorizationMatrix.RouteLines.Count} lines, {AuthorizationMatrix.RouteLines.Count * Enum.GetValues<Persona>().Length} cells; " +
            $"world {built.TotalSeconds:0.0} s, cells {(watch.Elapsed - built).TotalSeconds:0.0} s");

        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_page_handler_has_a_line_and_every_line_a_handler()
    {
        var handlers = await PageHandlersAsync();
        var lines = AuthorizationMatrix.PageLines.Select(l => l.Key).ToList();

        var duplicates = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = handlers.Except(lines).Order().ToList();
        var stale = lines.Except(handlers).Order().ToList();

        (duplicates.Count + missing.Count + stale.Count).ShouldBe(0,
            $"Page handlers without a line in AuthorizationMatrix:\n  {string.Join("\n  ", missing)}\n" +
            $"Lines whose page handler no longer exists:\n  {string.Join("\n  ", stale)}\nLines twice:\n  {string.Join("\n  ", duplicates)}");
    }

    [Fact]
    public async Task Every_page_cell_holds_over_http()
    {
        var watch = Stopwatch.StartNew();
        await using var world = await MatrixWorld.BuildAsync(_app);
        var built = watch.Elapsed;
        var wrong = await RunAsync(world, AuthorizationMatrix.PageLines);
        output.WriteLine($"{AuthorizationMatrix.PageLines.Count} lines, {AuthorizationMatrix.PageLines.Count * Enum.GetValues<Persona>().Length} cells; " +
            $"world {built.TotalSeconds:0.0} s, cells {(watch.Elapsed - built).TotalSeconds:0.0} s");

        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    /// <summary>Every Razor page with each of its handlers, as <c>METHOD /Page/Path?handler=Name</c> (a page without a model answers GET).</summary>
    private async Task<List<string>> PageHandlersAsync()
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var keys = new List<string>();
        var pages = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .DistinctBy(p => p.ViewEnginePath);
        foreach (var page in pages)
        {
            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            if (compiled.HandlerMethods.Count == 0)
                keys.Add($"GET {page.ViewEnginePath}");
            keys.AddRange(compiled.HandlerMethods.Select(h =>
                $"{h.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}{(string.IsNullOrEmpty(h.Name) ? "" : "?handler=" + h.Name)}"));
        }

        return keys.Distinct().ToList();
    }

    private List<string> Routes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Pattern: Pattern(e.RoutePattern)))
            .Where(e => e.Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.Pattern}"))
            .Distinct()
            .ToList();

    /// <summary>The pattern as the matrix writes it: a leading slash, no trailing one, parameters without constraints.</summary>
    private static string Pattern(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    }))));

    /// <summary>
    /// Runs every line (destructive ones last). Within a line, the personas who should change nothing (refused, or
    /// open routes) go first and together, then those who may change something, one after another.
    /// </summary>
    private static async Task<List<string>> RunAsync(MatrixWorld world, IReadOnlyList<MatrixLine> lines)
    {
        var wrong = new List<string>();
        foreach (var line in lines.Where(l => !l.Destructive).Concat(lines.Where(l => l.Destructive)))
        {
            var mayChange = line.Expected.Where(c => c.Value is Outcome.Ok or Outcome.Passes && (line.Method != "GET")).ToList();
            var together = line.Expected.Except(mayChange).ToList();
            var answers = (await Task.WhenAll(together.Select(async c => (Cell: c, Answer: await SendAsync(world, line, c.Key))))).ToList();
            foreach (var cell in mayChange)
                answers.Add((cell, await SendAsync(world, line, cell.Key)));
            foreach (var ((persona, expected), (status, location, body)) in answers.OrderBy(a => a.Cell.Key))
            {
                if (!Holds(line, expected, status, location, body))
                {
                    var got = location is null ? $"{status}" : $"{status} → {location}";
                    wrong.Add($"{line.Key} {persona}: expected {expected} got {got}{(status >= 500 || expected is Outcome.Ok ? " " + Shorten(body) : "")}" +
                        (line.Note is null ? "" : $" [{line.Note}]"));
                }
            }
        }

        return wrong;
    }

    private static string Shorten(string body) => body.Length > 160 ? body[..160] + "…" : body;

    private static async Task<(int Status, string? Location, string Body)> SendAsync(MatrixWorld world, MatrixLine line, Persona persona)
    {
        var fresh = line.OwnSession ? await world.FreshSessionAsync(persona, line.InBrowser) : null;
        try
        {
            var (client, token) = fresh ?? (line.InBrowser ? world.Site(persona) : (world.Api(persona), ""));
            using var request = Request(world, line, persona, token);
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            fresh?.Client.Dispose();
        }
    }

    private static HttpRequestMessage Request(MatrixWorld world, MatrixLine line, Persona persona, string token)
    {
        var path = line.Path(world);
        if (line.Handler is { Length: > 0 })
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + line.Handler;
        var request = new HttpRequestMessage(new HttpMethod(line.Method == "*" ? "GET" : line.Method), path);
        if (!line.InBrowser)
        {
            request.Content = line.Body?.Invoke(world, persona);
        }
        else if (line.Method is not ("GET" or "*"))
        {
            var fields = new Dictionary<string, string>(line.Form?.Invoke(world) ?? []) { ["__RequestVerificationToken"] = token };
            if (line.FilePart is { } part)
            {
                var multipart = MatrixWorld.Png(part);
                foreach (var (name, value) in fields)
                    multipart.Add(new StringContent(value), name);
                request.Content = multipart;
            }
            else
            {
                request.Content = new FormUrlEncodedContent(fields);
            }
        }

        return request;
    }

    /// <summary>
    /// Whether an answer is what a cell expects. Pages answer a refused action in place: the page again (200) with its
    /// error summary, so for a page "refused" is 403, 404, a redirect to sign-in or access denied, or that page again
    /// with <c>id="error-summary"</c>; "ok" is a redirect elsewhere (post-redirect-get) or a 200 without an error summary.
    /// A page form posted after the session ended (the suspended person) is refused by its antiforgery check (400).
    /// </summary>
    private static bool Holds(MatrixLine line, Outcome expected, int status, string? location, string body)
    {
        if (line.InBrowser)
        {
            var toSignIn = status is 302 or 303 && location!.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase);
            var toDenied = status is 302 or 303 && location!.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase);
            var elsewhere = status is 301 or 302 or 303 && !toSignIn && !toDenied;
            var refusedInPlace = status == 200 && body.Contains("id=\"error-summary\"", StringComparison.Ordinal);
            return expected switch
            {
                Outcome.Ok => status is >= 200 and < 300 && !refusedInPlace || elsewhere,
                Outcome.Passes => status is >= 200 and < 300 || elsewhere || status is 400 or 409 or 422,
                Outcome.SignIn => toSignIn || line.Method == "POST" && status == 400,
                Outcome.Refused => status is 403 or 404 || toSignIn || toDenied || refusedInPlace,
                Outcome.Open => status < 500,
                _ => false,
            };
        }

        return expected switch
        {
            Outcome.Ok => status is >= 200 and < 300,
            Outcome.Passes => status is >= 200 and < 300 || status is >= 400 and < 500 and not (401 or 403 or 404),
            Outcome.SignIn => status == 401,
            Outcome.Refused => status is 403 or 404,
            Outcome.Open => status < 500,
            Outcome.Rule => status is 409 or 422,
            _ => false,
        };
    }
}
