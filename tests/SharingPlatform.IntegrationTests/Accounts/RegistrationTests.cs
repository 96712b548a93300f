using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class RegistrationTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_new_resident_registers_confirms_from_the_mail_signs_in_and_sees_themselves()
    {
        var email = ApiClient.NewEmail();
        using var client = _app.NewClient();

        var registered = await client.RegisterAsync(email, "김하늘");
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);

        var mail = await _app.Mailbox.WaitForAsync(email);
        mail.Subject!.ShouldContain("이메일 주소를 확인해 주세요");
        Mailbox.LinkIn(mail).ShouldStartWith("/Account/ConfirmEmail?userId=");
        await client.ConfirmFromMailAsync(_app.Mailbox, email);

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        tokens.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        tokens.GetProperty("expiresIn").GetInt32().ShouldBe(3600);
        tokens.GetProperty("refreshToken").GetString().ShouldNotBeNullOrEmpty();

        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("email").GetString().ShouldBe(email);
        me.GetProperty("displayName").GetString().ShouldBe("김하늘");
        me.GetProperty("preferredLanguage").GetString().ShouldBe("ko");
        me.GetProperty("roles").GetArrayLength().ShouldBe(0);
        me.GetProperty("organizations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_unconfirmed_resident_cannot_sign_in()
    {
        var email = ApiClient.NewEmail();
        using var client = _app.NewClient();
        (await client.RegisterAsync(email)).EnsureSuccessStatusCode();
        await _app.Mailbox.WaitForAsync(email);

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await login.ProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("이메일 주소를 먼저 확인하세요");
    }

    [Fact]
    public async Task Invalid_registration_answers_400_with_each_field_and_creates_nobody()
    {
        var email = ApiClient.NewEmail();
        using var client = _app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "short", displayName = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("title").GetString().ShouldBe("The input is not valid.");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("password")[0].GetString()!.ShouldContain("10");
        errors.TryGetProperty("displayName", out _).ShouldBeTrue();
        errors.TryGetProperty("email", out _).ShouldBeFalse();
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem()
    {
        using var client = _app.NewClient();
        var response = await client.PostAsync("/api/v1/auth/register",
            new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Registering_an_existing_email_again_reveals_nothing_and_mails_the_owner()
    {
        var email = ApiClient.NewEmail();
        using var client = _app.NewClient();
        (await client.RegisterAsync(email, "처음 가입자")).EnsureSuccessStatusCode();
        await _app.Mailbox.WaitForAsync(email);

        var again = await client.RegisterAsync(email, "다른 사람", "another-password-123");

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await _app.Mailbox.WaitForAsync(email, m => m.Subject?.Contains("이미 가입된", StringComparison.Ordinal) == true);
        var names = await _app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).ToListAsync());
        names.ShouldBe(["처음 가입자"]);
    }

    [Fact]
    public async Task Racing_registrations_of_one_email_create_exactly_one_account()
    {
        var email = ApiClient.NewEmail("race");
        var clients = Enumerable.Range(0, 20).Select(_ => _app.NewClient()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.RegisterAsync(email, "경쟁자")));

        // Every request gets the same answer; the accounts are made after the responses, by jobs that race each other.
        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
        await _app.Mailbox.WaitForAsync(email, m => m.Subject?.Contains("이메일 주소를 확인해 주세요", StringComparison.Ordinal) == true);
        (await _app.QueryAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(1);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task The_confirmation_email_is_sent_by_a_Hangfire_job_and_recorded_as_sent()
    {
        var email = ApiClient.NewEmail();
        using var client = _app.NewClient();
        (await client.RegisterAsync(email)).EnsureSuccessStatusCode();

        await _app.Mailbox.WaitForAsync(email);

        var sentAt = await WaitUntilAsync(() => _app.QueryAsync(db =>
            db.OutgoingEmails.Where(e => e.To == email).Select(e => e.SentAt).SingleAsync()));
        sentAt.ShouldNotBeNull();
        var succeededJobs = await _app.QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%SendEmailJob%'")
            .SingleAsync());
        succeededJobs.ShouldBeGreaterThan(0);
    }

    private static async Task<DateTimeOffset?> WaitUntilAsync(Func<Task<DateTimeOffset?>> read)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await read() is { } value)
                return value;
            await Task.Delay(100);
        }

        return null;
    }
}
