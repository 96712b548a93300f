using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

[Collection(AppCollection.Name)]
public sealed class JobsDashboardTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = _app.NewClient(followRedirects: false);

        var response = await client.GetAsync("/admin/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_signed_in_resident_gets_404_not_the_dashboard()
    {
        var email = ApiClient.NewEmail();
        using var resident = await _app.SignedInResidentAsync(email);
        using var client = _app.NewClient(followRedirects: false);
        await client.SignInAsync(email, ApiClient.Password);

        var response = await client.GetAsync("/admin/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Hangfire");
    }

    [Fact]
    public async Task An_administrator_opens_the_dashboard()
    {
        using var client = _app.NewClient(followRedirects: false);
        await client.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var response = await client.GetAsync("/admin/jobs/recurring");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("emails:send-unsent");
    }
}
