using System.Net;
using System.Text.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>What the published contract says about itself: what an integrator generating a client reads first.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiContractTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_document_names_itself_in_both_languages_with_its_licence_server_and_sign_in()
    {
        using var client = _app.NewClient();
        var document = await client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        var info = document.GetProperty("info");
        info.GetProperty("title").GetString().ShouldBe("전북 공유경제 플랫폼 API / Jeonbuk Sharing Platform API");
        info.GetProperty("description").GetString()!.ShouldContain("application/problem+json");
        info.GetProperty("license").GetProperty("url").GetString().ShouldBe("https://www.kogl.or.kr/info/licenseType1.do");
        document.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("http://127.0.0.1:5000");
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        var tags = document.GetProperty("tags").EnumerateArray().ToList();
        tags.ShouldNotBeEmpty();
        foreach (var tag in tags)
            tag.GetProperty("description").GetString()!.ShouldNotStartWith("ApiTag_", customMessage: tag.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Operations_that_need_sign_in_say_so_and_public_ones_do_not()
    {
        using var client = _app.NewClient();
        var paths = (await client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK)).GetProperty("paths");

        static bool NeedsBearer(JsonElement operation) =>
            operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("bearer", out _));

        NeedsBearer(paths.GetProperty("/api/v1/bookings/mine").GetProperty("get")).ShouldBeTrue();
        NeedsBearer(paths.GetProperty("/api/v1/loans").GetProperty("post")).ShouldBeTrue();
        NeedsBearer(paths.GetProperty("/api/v1/resources").GetProperty("get")).ShouldBeFalse();
        NeedsBearer(paths.GetProperty("/api/v1/auth/login").GetProperty("post")).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_operation_has_a_stable_unique_operation_id()
    {
        using var client = _app.NewClient();
        var paths = (await client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK)).GetProperty("paths");

        var ids = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()!)).ToList();

        ids.Count.ShouldBeGreaterThan(100);
        ids.ShouldBeUnique();
        paths.GetProperty("/api/v1/loans/{id}/hand-over").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("postLoansByIdHandOver");
        paths.GetProperty("/api/v1/resources").GetProperty("get").GetProperty("operationId").GetString().ShouldBe("getResources");
    }
}
