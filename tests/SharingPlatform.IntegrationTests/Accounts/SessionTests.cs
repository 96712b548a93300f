using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Accounts;

/// <summary>A session ends when its person ends it: on the server, not only in the browser.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_cookie_replayed_after_signing_out_is_refused()
    {
        using var person = await _app.PersonAsync();
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = _app.ServerAddress };
        await browser.SignInAsync(person.Email, ApiClient.Password);
        var cookie = jar.GetCookies(_app.ServerAddress)["sp.auth"]!.Value;
        (await browser.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var replay = WithCookie(cookie);
        var page = await replay.GetAsync("/Account/Manage");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_bearer_token_used_after_signing_out_is_refused()
    {
        using var person = await _app.PersonAsync();
        await person.Client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        (await person.Client.PostAsync("/api/v1/me/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await person.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_sessions_too()
    {
        using var person = await _app.PersonAsync();
        using var phone = _app.NewClient();
        phone.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await phone.LoginAsync(person.Email, ApiClient.Password));
        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(person.Email, ApiClient.Password);
        (await browser.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await person.Client.PostAsync("/api/v1/me/sign-out-everywhere", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await person.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await phone.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = _app.NewClient();
        (await again.LoginAsync(person.Email, ApiClient.Password)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_account_page_signs_out_everywhere()
    {
        using var person = await _app.PersonAsync();
        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(person.Email, ApiClient.Password);

        var page = await browser.GetStringAsync("/Account/Manage");
        WebUtility.HtmlDecode(page).ShouldContain("모든 기기에서 로그아웃");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await browser.PostAsync("/Account/Manage?handler=SignOutEverywhere",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await person.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_tokens_are_not_cached()
    {
        using var person = await _app.PersonAsync();
        using var client = _app.NewClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = ApiClient.Password });
        login.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var first = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        refreshed.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var second = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        second.ShouldNotBe(first);

        var third = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second });
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_an_old_refresh_token_ends_every_session_and_tells_the_person()
    {
        using var person = await _app.PersonAsync();
        using var client = _app.NewClient();
        var stolen = (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = person.Email, password = ApiClient.Password })
            .ExpectAsync(HttpStatusCode.OK)).GetProperty("refreshToken").GetString();
        var rotated = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = stolen }).ExpectAsync(HttpStatusCode.OK);
        using var owner = _app.NewClient();
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rotated.GetProperty("accessToken").GetString());
        await owner.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = stolen })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await owner.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await person.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated.GetProperty("refreshToken").GetString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = _app.NewClient();
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await again.LoginAsync(person.Email, ApiClient.Password));
        var notice = (await again.InboxAsync()).OfKind("signInTokenReused").ShouldHaveSingleItem();
        notice.Title().ShouldBe("모든 기기에서 로그아웃되었습니다");
    }

    [Fact]
    public async Task The_daily_clean_up_deletes_sessions_ended_more_than_30_days_ago_and_keeps_the_rest()
    {
        using var person = await _app.PersonAsync();
        using var second = _app.NewClient();
        await second.LoginAsync(person.Email, ApiClient.Password);
        using var third = _app.NewClient();
        await third.LoginAsync(person.Email, ApiClient.Password);
        var sessions = await _app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == person.Id).OrderBy(s => s.CreatedAt).Select(s => s.Id).ToListAsync());
        sessions.Count.ShouldBe(3);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-31);
        await _app.QueryAsync(db => db.UserSessions.Where(s => s.Id == sessions[0]).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, longAgo)));
        await _app.QueryAsync(db => db.UserSessions.Where(s => s.Id == sessions[1]).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, longAgo)));

        await _app.SendAsync(new SharingPlatform.Application.Accounts.DeleteEndedSessions());

        (await _app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == person.Id).Select(s => s.Id).ToListAsync())).ShouldBe([sessions[2]]);
    }

    private HttpClient WithCookie(string value)
    {
        var jar = new CookieContainer();
        jar.Add(_app.ServerAddress, new Cookie("sp.auth", value));
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = _app.ServerAddress };
    }
}
