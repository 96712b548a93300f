using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Domain.Users;
using SharingPlatform.IntegrationTests.Administration;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Accounts;

/// <summary>Sign-in tells a stranger nothing about who has an account: only whoever knows the password learns more.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SignInUniformityTests(SharedApp shared)
{
    private const string WrongPassword = "not-the-password-42";
    private const string NotConfirmed = "이메일 주소를 먼저 확인하세요";
    private const string Suspended = "이 계정은 이용이 정지되었습니다";

    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_wrong_password_gets_the_same_answer_for_an_unknown_an_unconfirmed_a_suspended_and_a_locked_account()
    {
        var accounts = await AccountsAsync();

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var email in accounts.All)
        {
            using var client = _app.NewClient();
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = WrongPassword });
            answers.Add((response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync())));
        }

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Unauthorized);
        answers.Select(a => a.Body).Distinct().ShouldHaveSingleItem().ShouldContain("이메일 또는 비밀번호가 맞지 않습니다");
    }

    [Fact]
    public async Task The_sign_in_page_answers_a_wrong_password_alike_for_every_kind_of_account()
    {
        var accounts = await AccountsAsync();

        var answers = new List<(HttpStatusCode Status, string Errors)>();
        foreach (var email in accounts.All)
        {
            using var browser = _app.NewClient(followRedirects: false);
            var response = await browser.PostFormAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = WrongPassword,
            });
            answers.Add((response.StatusCode, ErrorsOf(await response.Content.ReadAsStringAsync())));
        }

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK);
        answers.Select(a => a.Errors).Distinct().ShouldHaveSingleItem().ShouldContain("이메일 또는 비밀번호가 맞지 않습니다");
    }

    [Fact]
    public async Task Only_the_right_password_learns_that_the_email_is_unconfirmed_or_the_account_suspended()
    {
        var accounts = await AccountsAsync();
        using var client = _app.NewClient();

        var unconfirmed = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = accounts.Unconfirmed, password = ApiClient.Password })
            .ExpectAsync(HttpStatusCode.Unauthorized);
        unconfirmed.GetProperty("detail").GetString()!.ShouldContain(NotConfirmed);
        var suspended = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = accounts.Suspended, password = ApiClient.Password })
            .ExpectAsync(HttpStatusCode.Unauthorized);
        suspended.GetProperty("detail").GetString()!.ShouldContain(Suspended);

        using var browser = _app.NewClient(followRedirects: false);
        var page = await browser.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = accounts.Suspended,
            ["Input.Password"] = ApiClient.Password,
        });
        ErrorsOf(await page.Content.ReadAsStringAsync()).ShouldContain(Suspended);

        // Account lockout is gone: an account Identity had locked signs in with its password.
        (await client.LoginAsync(accounts.Locked, ApiClient.Password)).ShouldNotBeNullOrEmpty();
    }

    private sealed record Accounts(string Unknown, string WrongPassword, string Unconfirmed, string Suspended, string Locked)
    {
        public string[] All => [Unknown, WrongPassword, Unconfirmed, Suspended, Locked];
    }

    private async Task<Accounts> AccountsAsync()
    {
        using var confirmed = await _app.PersonAsync();
        using var suspended = await _app.PersonAsync();
        using var locked = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        await admin.SuspendAsync(suspended.Id, "시험");
        var unconfirmed = ApiClient.NewEmail();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            (await users.CreateAsync(User.Register(unconfirmed, "미확인", Language.Korean, DateTimeOffset.UtcNow), ApiClient.Password)).Succeeded.ShouldBeTrue();
        }

        await _app.QueryAsync(db => db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)).SetProperty(u => u.LockoutEnabled, true)));
        return new Accounts(ApiClient.NewEmail("nobody"), confirmed.Email, unconfirmed, suspended.Email, locked.Email);
    }

    private static string WithoutTraceId(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The text of the page's error summary (the part that differs between answers, if anything does).</summary>
    private static string ErrorsOf(string html)
    {
        var summary = ErrorSummary().Match(html);
        return summary.Success ? WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(summary.Value, "<[^>]+>", " "), "\\s+", " ")).Trim() : "(no error summary)";
    }

    [GeneratedRegex("<div[^>]*(?:validation-summary|error-summary)[^>]*>.*?</div>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ErrorSummary();
}
