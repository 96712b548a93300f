using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
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
    public void Every_api_route_has_a_line_and_every_line_a_route()
    {
        var routes = ApiRoutes();
        var lines = AuthorizationMatrix.ApiLines.Select(l => l.Key).ToList();

        var duplicates = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = routes.Except(lines).Order().ToList();
        var stale = lines.Except(routes).Order().ToList();

        (duplicates.Count + missing.Count + stale.Count).ShouldBe(0,
            $"Routes without a line in AuthorizationMatrix:\n  {string.Join("\n  ", missing)}\n" +
            $"Lines whose route no longer exists:\n  {string.Join("\n  ", stale)}\nLines twice:\n  {string.Join("\n  ", duplicates)}");
    }

    [Fact]
    public async Task Every_api_cell_holds_over_http()
    {
        var watch = Stopwatch.StartNew();
        await using var world = await MatrixWorld.BuildAsync(_app);
        var built = watch.Elapsed;
        var wrong = await RunAsync(world, AuthorizationMatrix.ApiLines);
        output.WriteLine($"{AuthorizationMatrix.ApiLines.Count} lines, {AuthorizationMatrix.ApiLines.Count * Enum.GetValues<Persona>().Length} cells; " +
            $"world {built.TotalSeconds:0.0} s, cells {(watch.Elapsed - built).TotalSeconds:0.0} s");

        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    private List<string> ApiRoutes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Pattern: Pattern(e.RoutePattern)))
            .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
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

    /// <summary>Runs every line (destructive ones last), and within a line the personas who should be refused first.</summary>
    private static async Task<List<string>> RunAsync(MatrixWorld world, IReadOnlyList<MatrixLine> lines)
    {
        var wrong = new List<string>();
        foreach (var line in lines.Where(l => !l.Destructive).Concat(lines.Where(l => l.Destructive)))
        {
            foreach (var (persona, expected) in line.Expected.OrderBy(c => c.Value is Outcome.Ok or Outcome.Passes ? 1 : 0))
            {
                var (status, location, body) = await SendAsync(world, line, persona);
                if (!Holds(line, expected, status, location))
                {
                    var got = location is null ? $"{status}" : $"{status} → {location}";
                    wrong.Add($"{line.Key} {persona}: expected {expected} got {got}{(status >= 500 || expected is Outcome.Ok ? " " + Shorten(body) : "")}");
                }
            }
        }

        return wrong;
    }

    private static string Shorten(string body) => body.Length > 160 ? body[..160] + "…" : body;

    private static async Task<(int Status, string? Location, string Body)> SendAsync(MatrixWorld world, MatrixLine line, Persona persona)
    {
        using var request = new HttpRequestMessage(new HttpMethod(line.Method), line.Path(world));
        HttpClient client;
        if (line.IsPage)
        {
            (client, var token) = world.Site(persona);
            if (line.Handler!.Length > 0)
                request.RequestUri = new Uri(request.RequestUri!.OriginalString + (request.RequestUri.OriginalString.Contains('?') ? "&" : "?") + "handler=" + line.Handler, UriKind.Relative);
            if (line.Method != "GET")
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(line.Form?.Invoke(world) ?? []) { ["__RequestVerificationToken"] = token });
        }
        else
        {
            client = world.Api(persona);
            request.Content = line.Body?.Invoke(world, persona);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    private static bool Holds(MatrixLine line, Outcome expected, int status, string? location)
    {
        if (line.IsPage)
        {
            var toSignIn = status is 302 or 303 && location!.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase);
            var toDenied = status is 302 or 303 && location!.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase);
            return expected switch
            {
                Outcome.Ok => status is >= 200 and < 300 || status is 301 or 302 or 303 && !toSignIn && !toDenied,
                Outcome.Passes => status is >= 200 and < 300 || status is 301 or 302 or 303 && !toSignIn && !toDenied || status is 400 or 409 or 422,
                Outcome.SignIn => toSignIn,
                Outcome.Refused => status is 403 or 404 || toSignIn || toDenied,
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
