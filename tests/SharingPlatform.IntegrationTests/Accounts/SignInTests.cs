using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class SignInTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token()
    {
        var email = ApiClient.NewEmail();
        using var resident = await _app.SignedInResidentAsync(email);
        using var client = _app.NewClient();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task A_forged_refresh_token_is_refused()
    {
        using var client = _app.NewClient();
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_without_a_token_is_a_401_problem()
    {
        using var client = _app.NewClient();
        var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link()
    {
        var email = ApiClient.NewEmail();
        using var resident = await _app.SignedInResidentAsync(email);
        using var client = _app.NewClient();

        (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = await _app.Mailbox.WaitForAsync(email, m => m.Subject?.Contains("비밀번호 재설정", StringComparison.Ordinal) == true);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), Mailbox.LinkIn(mail)).Query);
        query["email"].ShouldBe(email);

        var reset = await client.PostAsJsonAsync("/api/v1/auth/reset-password",
            new { email, code = query["code"], newPassword = "a-brand-new-password" });
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.LoginAsync(email, "a-brand-new-password")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_reset_with_a_made_up_code_changes_nothing()
    {
        var email = ApiClient.NewEmail();
        using var resident = await _app.SignedInResidentAsync(email);
        using var client = _app.NewClient();

        var reset = await client.PostAsJsonAsync("/api/v1/auth/reset-password",
            new { email, code = "bWFkZS11cA", newPassword = "a-brand-new-password" });

        reset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reset.ProblemAsync()).GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        (await client.LoginAsync(email, ApiClient.Password)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_resident_updates_their_name_and_language()
    {
        using var client = await _app.SignedInResidentAsync();

        var updated = await client.PutAsJsonAsync("/api/v1/me", new { displayName = "Jisoo Park", preferredLanguage = "en" });

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("displayName").GetString().ShouldBe("Jisoo Park");
        me.GetProperty("preferredLanguage").GetString().ShouldBe("en");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var email = ApiClient.NewEmail();
        using var client = await _app.SignedInResidentAsync(email);

        var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-my-password", newPassword = "a-new-password-42" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.ProblemAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _).ShouldBeTrue();

        var right = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = ApiClient.Password, newPassword = "a-new-password-42" });
        right.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var other = _app.NewClient();
        (await other.LoginAsync(email, "a-new-password-42")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_bootstrap_administrator_has_the_Administrator_role()
    {
        using var client = _app.NewClient();
        var token = await client.LoginAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Administrator"]);
    }
}
