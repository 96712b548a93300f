using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Pages carry Korean as UTF-8 text, not as numeric character references, while markup stays escaped.</summary>
[Collection(AppCollection.Name)]
public sealed class PageEncodingTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Korean_leaves_the_server_as_text_and_markup_in_data_is_still_escaped()
    {
        using var organization = await _app.VerifiedOrganizationAsync(name: "전북 <b>협동</b>조합");
        using var site = _app.NewClient(followRedirects: false);

        using var response = await site.GetAsync($"/Organizations/Details/{organization.Id}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        html.ShouldContain("전북 &lt;b&gt;협동&lt;/b&gt;조합");
        html.ShouldNotContain("&#x");
    }
}
