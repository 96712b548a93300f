using System.Net;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

[Collection(AppCollection.Name)]
public sealed class ApiConventionTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        using var client = _app.NewClient();
        var response = await client.GetAsync("/api/v1/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task An_action_whose_body_is_optional_works_without_a_body()
    {
        using var lab = await _app.PublishedLabAsync();
        using var booker = await _app.PersonAsync();
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromHours(3))).StartsAt();
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot);

        var cancelled = await booker.Client.PostAsync($"/api/v1/lab-bookings/{bookingId}/cancel", content: null).ExpectAsync(HttpStatusCode.OK);

        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Problem_titles_follow_the_callers_language()
    {
        using var client = _app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var english = await (await client.GetAsync("/api/v1/no-such-thing")).ProblemAsync();

        using var korean = _app.NewClient();
        var defaultKorean = await (await korean.GetAsync("/api/v1/no-such-thing")).ProblemAsync();

        english.GetProperty("title").GetString().ShouldBe("Not found.");
        defaultKorean.GetProperty("title").GetString().ShouldBe("찾을 수 없습니다.");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_account_routes()
    {
        using var client = _app.NewClient();
        var document = await client.GetStringAsync("/openapi/v1.json");

        document.ShouldContain("/api/v1/auth/register");
        document.ShouldContain("/api/v1/me");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/health/live")]
    [InlineData("/api/docs")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _app.NewClient();
        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Split(';').Select(d => d.Trim()).ShouldContain("script-src 'self'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }
}
