using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Tests.Support;

/// <summary>What a client of the API does: register, read the confirmation mail, confirm, sign in with a bearer token.</summary>
public static class ApiClient
{
    public static string NewEmail(string who = "resident") => $"{who}-{Guid.NewGuid():N}@tests.sharing.example";

    public const string Password = "correct-horse-battery";

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string displayName = "테스트 주민", string password = Password) =>
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password, displayName });

    /// <summary>Registers, confirms through the link in the email, and returns a client that sends the person's bearer token.</summary>
    public static async Task<HttpClient> SignedInResidentAsync(this AppFactory app, string? email = null, string displayName = "테스트 주민")
    {
        email ??= NewEmail();
        var client = app.NewClient();
        (await client.RegisterAsync(email, displayName)).EnsureSuccessStatusCode();
        await client.ConfirmFromMailAsync(app.Mailbox, email);
        var token = await client.LoginAsync(email, Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A crowd of signed-in residents for the tests that race them. Registration and its email are what other tests
    /// check; here the accounts are made already confirmed through the app's UserManager, and each person signs in
    /// through the API as usual.
    /// </summary>
    public static async Task<HttpClient[]> ResidentsAsync(this AppFactory app, int count)
    {
        var emails = Enumerable.Range(0, count).Select(_ => NewEmail()).ToArray();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            foreach (var email in emails)
            {
                var user = User.Register(email, "테스트 주민", Language.Korean, DateTimeOffset.UtcNow);
                user.EmailConfirmed = true;
                var created = await users.CreateAsync(user, Password);
                created.Succeeded.ShouldBeTrue(string.Join(", ", created.Errors.Select(e => e.Description)));
            }
        }

        return await Task.WhenAll(emails.Select(async email =>
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.LoginAsync(email, Password));
            return client;
        }));
    }

    public static async Task ConfirmFromMailAsync(this HttpClient client, Mailbox mailbox, string email)
    {
        var mail = await mailbox.WaitForAsync(email, m => (m.TextBody ?? "").Contains("userId=", StringComparison.Ordinal));
        var link = new Uri(new Uri("http://x"), Mailbox.LinkIn(mail));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var response = await client.PostAsJsonAsync("/api/v1/auth/confirm-email", new { userId = query["userId"], code = query["code"] });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<string> LoginAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
