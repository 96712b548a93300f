using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Every administrator route, read from the app's own endpoint list rather than written out here, so a route added
/// without protection fails this test: the API answers 401 to anonymous callers and 403 to residents, before it reads a
/// body; pages and the jobs dashboard send anonymous visitors to sign in and answer 404 to residents.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AdminRoutesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private sealed record Route(string Method, string Path, bool IsApi);

    private List<Route> AdminRoutes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Path: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(e => e.Path.StartsWith("/api/v1/admin/", StringComparison.OrdinalIgnoreCase)
                || e.Path.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)
                || e.Path.Equals("/Admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => Methods(e.Endpoint).Select(method => new Route(method, Fill(e.Endpoint.RoutePattern), e.Path.StartsWith("/api/", StringComparison.Ordinal))))
            .Distinct()
            .ToList();

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET", "POST"];

    private static string Fill(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart { IsCatchAll: true } => "x",
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
        RoutePatternParameterPart parameter when parameter.Name.EndsWith("Type", StringComparison.Ordinal) => "resource",
        RoutePatternParameterPart => Guid.NewGuid().ToString(),
        _ => "",
    }))));

    [Fact]
    public void The_list_holds_every_kind_of_admin_route()
    {
        var routes = AdminRoutes();

        routes.ShouldContain(r => r.IsApi && r.Method == "GET" && r.Path == "/api/v1/admin/queue");
        routes.ShouldContain(r => r.IsApi && r.Method == "POST" && r.Path.StartsWith("/api/v1/admin/organizations/") && r.Path.EndsWith("/suspend"));
        routes.ShouldContain(r => !r.IsApi && r.Path == "/Admin/Audit");
        routes.ShouldContain(r => r.Path.StartsWith("/admin/jobs"));
        routes.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_sign_in_page_from_the_site()
    {
        using var anonymous = _app.NewClient(followRedirects: false);
        var wrong = new List<string>();
        foreach (var route in AdminRoutes())
        {
            using var response = await anonymous.SendAsync(Request(route));
            var refused = route.IsApi
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal);
            if (!refused)
                wrong.Add($"{route.Method} {route.Path} → {(int)response.StatusCode}");
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Residents_get_403_from_the_api_and_404_from_the_site()
    {
        var email = ApiClient.NewEmail();
        using var bearer = await _app.SignedInResidentAsync(email);
        using var cookie = _app.NewClient(followRedirects: false);
        await cookie.SignInAsync(email, ApiClient.Password);
        var wrong = new List<string>();
        foreach (var route in AdminRoutes())
        {
            using var response = await (route.IsApi ? bearer : cookie).SendAsync(Request(route));
            var expected = route.IsApi ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            if (response.StatusCode != expected)
                wrong.Add($"{route.Method} {route.Path} → {(int)response.StatusCode}");
        }

        wrong.ShouldBeEmpty();
    }

    /// <summary>A body an administrator would send (a reason, a note), so a refusal cannot be a mere 400 for a missing body.</summary>
    private static HttpRequestMessage Request(Route route) => new(new HttpMethod(route.Method), route.Path)
    {
        Content = route.Method is "GET" or "HEAD" ? null : JsonContent.Create(new { reason = "확인", note = "확인" }),
    };
}
