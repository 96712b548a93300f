using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests;

[Collection(AppCollection.Name)]
public sealed class HealthTests(SharedApp app)
{
    [Fact]
    public async Task Liveness_answers_healthy()
    {
        using var client = app.Factory.NewClient();
        var response = await client.GetAsync("/health/live");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        using var client = app.Factory.NewClient();
        var response = await client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
