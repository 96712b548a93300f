using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SharingPlatform.Infrastructure.Seeding;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>The <c>create-admin</c> command: the first administrator of a Production site, the password from standard input.</summary>
[Collection(AppCollection.Name)]
public sealed class AdministratorCommandTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_command_makes_an_administrator_who_signs_in_and_reaches_the_review_queue()
    {
        var email = ApiClient.NewEmail("province-admin");
        var output = new StringWriter();

        var exit = await AdministratorCommand.RunAsync(_app.Services, email, new StringReader("a-long-admin-pass-phrase\n"), output);

        exit.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain($"Administrator {email} is ready.");
        using var client = _app.NewClient();
        var token = await client.LoginAsync(email, "a-long-admin-pass-phrase");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync("/api/v1/admin/queue")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_password_or_with_a_weak_one_nobody_is_made()
    {
        var email = ApiClient.NewEmail("no-admin");

        (await AdministratorCommand.RunAsync(_app.Services, email, new StringReader(""), new StringWriter())).ShouldBe(2);
        var weak = new StringWriter();
        (await AdministratorCommand.RunAsync(_app.Services, email, new StringReader("short\n"), weak)).ShouldBe(1);
        weak.ToString().ShouldNotBeEmpty();

        using var client = _app.NewClient();
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "short" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
