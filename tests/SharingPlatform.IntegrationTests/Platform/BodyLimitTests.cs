using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SharingPlatform.Application.Common;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Bodies are limited by what they carry: 256 KB of JSON or form text, 11 MB for a multipart photo upload.</summary>
[Collection(AppCollection.Name)]
public sealed class BodyLimitTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static MultipartFormDataContent Upload(int bytes)
    {
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", "large.jpg" } };
    }

    [Fact]
    public async Task A_JSON_body_over_256_KB_is_refused_with_413()
    {
        using var client = _app.NewClient();
        var json = $$"""{"email":"{{new string('a', 300 * 1024)}}@tests.sharing.example","password":"whatever-password"}""";

        var response = await client.PostAsync("/api/v1/auth/login", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.ProblemAsync();
        problem.GetProperty("detail").GetString().ShouldBe(Texts.Get("BodyTooLarge"));
        problem.GetProperty("title").GetString().ShouldBe(Texts.Get("Problem_413"));
    }

    [Fact]
    public async Task A_photo_upload_has_room_for_a_photo_but_not_more_than_11_MB()
    {
        using var resident = await _app.SignedInResidentAsync();
        var missing = $"/api/v1/resources/{Guid.NewGuid()}/photos";

        (await resident.PostAsync(missing, Upload(2 * 1024 * 1024))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Waiting for "100 Continue" lets the client hear the refusal instead of pushing 12 MB into a closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, missing) { Content = Upload(12 * 1024 * 1024) };
        request.Headers.ExpectContinue = true;
        var tooLarge = await resident.SendAsync(request);
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await tooLarge.ProblemAsync()).GetProperty("detail").GetString().ShouldBe(Texts.Get("BodyTooLarge"));
    }

    [Fact]
    public async Task A_page_form_over_256_KB_gets_a_413_page()
    {
        using var client = _app.NewClient();

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = new string('a', 300 * 1024),
            ["Input.Password"] = "whatever-password",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var html = await response.Content.ReadAsStringAsync();
        html[html.IndexOf("<h1", StringComparison.Ordinal)..].ShouldStartWith("<h1>보낸 내용이 너무 큽니다</h1>");
    }
}
