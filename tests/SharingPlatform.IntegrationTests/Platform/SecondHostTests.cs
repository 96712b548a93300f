using System.Net;
using System.Net.Http.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Tests that need a host configured differently from the shared one. Each gets a pristine database cloned from the
/// migrated template and runs without a Hangfire server (Hangfire's process-wide state belongs to the shared host).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecondHostTests
{
    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_problems()
    {
        await using var app = new AppFactory(new AppFactory.Settings("ratelimit", RunJobServer: false, AccountPermitsPerMinute: 3));
        await app.StartAsync();
        using var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@tests.sharing.example", password = "whatever-password" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(429);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_share_the_sign_in_limit()
    {
        await using var first = new AppFactory(new AppFactory.Settings("ratelimit-a", RunJobServer: false, AccountPermitsPerMinute: 3));
        await first.StartAsync();
        await using var second = new AppFactory(new AppFactory.Settings("ratelimit-b", RunJobServer: false, AccountPermitsPerMinute: 3,
            Overrides: new Dictionary<string, string?> { ["ConnectionStrings:Default"] = first.ConnectionString }));
        await second.StartAsync();
        // Both nodes one second into the same minute, so the window cannot turn during the test.
        var now = DateTimeOffset.UtcNow;
        var intoNextMinute = TimeSpan.FromTicks(TimeSpan.TicksPerMinute - now.UtcTicks % TimeSpan.TicksPerMinute) + TimeSpan.FromSeconds(1);
        using var firstTravels = first.Clock.Travel(intoNextMinute);
        using var secondTravels = second.Clock.Travel(intoNextMinute);
        using var onFirst = first.NewClient();
        using var onSecond = second.NewClient();
        var attempt = new { email = "nobody@tests.sharing.example", password = "whatever-password" };

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { onFirst, onSecond, onFirst, onSecond, onFirst })
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", attempt)).StatusCode);

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task In_Production_errors_hide_their_details_and_cookies_are_secure()
    {
        await using var app = new AppFactory(new AppFactory.Settings("production", RunJobServer: false, Environment: "Production"));
        await app.StartAsync();
        using var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https"); // as the TLS-terminating proxy sends it

        var page = await client.GetAsync("/Account/Login");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        using var throughProxy = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        throughProxy.Headers.Host = "sharing.tests.example";
        (await client.SendAsync(throughProxy)).Headers.Contains("Strict-Transport-Security").ShouldBeTrue("HTTPS as the loopback proxy says");

        var malformed = await client.PostAsync("/api/v1/auth/login", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await malformed.Content.ReadAsStringAsync();
        body.ShouldNotContain("   at ");
        body.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_the_configured_proxies()
    {
        await using var app = new AppFactory(new AppFactory.Settings("proxy", RunJobServer: false, Environment: "Production",
            Overrides: new Dictionary<string, string?> { ["Proxy:KnownProxies"] = "10.9.9.9, 10.9.9.10" }));
        await app.StartAsync();
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "sharing.tests.example";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("the loopback sender is not a configured proxy: the request stays plain HTTP");
    }

    [Theory]
    [InlineData("App:BaseUrl", "http://sharing.tests.example", "Production", "App:BaseUrl must be the site's https://")]
    [InlineData("Admin:Password", "written-in-a-file", "Production", "Admin:Password must not be set in Production")]
    [InlineData("Proxy:KnownProxies", "10.0.0.1, nginx", "Testing", "Proxy:KnownProxies: 'nginx'")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/99", "Testing", "Proxy:KnownNetworks: '10.0.0.0/99'")]
    [InlineData("App:BaseUrl", "", "Testing", "App:BaseUrl")]
    [InlineData("Smtp:Host", "", "Production", "Smtp:Host")]
    [InlineData("Admin:Password", "", "Testing", "Admin:Password")]
    [InlineData("ConnectionStrings:Default", "", "Testing", "ConnectionStrings:Default")]
    public async Task A_missing_setting_stops_start_up_naming_it(string key, string value, string environment, string named)
    {
        await using var app = new AppFactory(new AppFactory.Settings("options", RunJobServer: false, Environment: environment,
            Overrides: new Dictionary<string, string?> { [key] = value }));

        var failure = await Should.ThrowAsync<Exception>(app.StartAsync);

        failure.ToString().ShouldContain(named);
    }
}
