using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Accounts;

/// <summary>
/// Wrong passwords hold back the address that sends them, for that email, never the account: nobody can lock another
/// person out. The client address is set as the app's loopback reverse proxy sets it (X-Forwarded-For).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SignInThrottleTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_hold_that_address_back_but_not_the_owner_elsewhere()
    {
        using var person = await _app.PersonAsync();
        using var attacker = FromAddress("203.0.113.5");

        for (var i = 0; i < 4; i++)
        {
            var wrong = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = "wrong-password-x" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var fifth = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = "wrong-password-x" });
        fifth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(fifth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await fifth.ProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("1분");

        var rightFromAttacker = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = ApiClient.Password });
        rightFromAttacker.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        rightFromAttacker.Headers.Contains("Retry-After").ShouldBeTrue();

        using var owner = FromAddress("198.51.100.7");
        (await owner.LoginAsync(person.Email, ApiClient.Password)).ShouldNotBeNullOrEmpty();
        (await _app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync()))
            .ShouldBe(new { LockoutEnd = (DateTimeOffset?)null, AccessFailedCount = 0 });
    }

    [Fact]
    public async Task The_sign_in_page_tells_a_held_back_address_how_long_to_wait()
    {
        using var person = await _app.PersonAsync();
        using var attacker = FromAddress("203.0.113.9", followRedirects: false);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await attacker.PostFormAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = person.Email,
                ["Input.Password"] = "wrong-password-x",
            });
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.Contains("Retry-After").ShouldBeTrue();
        WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync()).ShouldContain("이 주소에서 로그인에 여러 번 실패했습니다");

        using var owner = FromAddress("198.51.100.9", followRedirects: false);
        await owner.SignInAsync(person.Email, ApiClient.Password);
    }

    [Fact]
    public async Task An_unknown_email_is_held_back_exactly_like_a_known_one()
    {
        using var attacker = FromAddress("203.0.113.11");
        var statuses = new List<HttpStatusCode>();
        var email = ApiClient.NewEmail("nobody");
        for (var i = 0; i < 6; i++)
            statuses.Add((await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-x" })).StatusCode);

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    private HttpClient FromAddress(string address, bool followRedirects = true)
    {
        var client = _app.NewClient(followRedirects);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
