using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Public pages are kept in each node's memory for anonymous visitors (an <c>Age</c> header says a page came from it),
/// never for a signed-in person, whose pages keep only their public answers; a change made anywhere drops both on every node.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PageCacheTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_visitor_gets_the_kept_page_until_an_administrator_on_another_node_suspends_the_resource()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = "보관 확인 " + CatalogClient.NewHangulWord();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title));
        await using var otherNode = await _app.OtherNodeAsync("pagecache-node");
        using var visitor = _app.NewClient();
        var page = $"/Resources/Details/{id}";

        var kept = await KeptAsync(visitor, page);
        (await kept.Content.ReadAsStringAsync()).ShouldContain(title);

        using var admin = await otherNode.AdministratorAsync();
        await admin.DecideAsync("resources", id, "suspend", "신고 내용 확인");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await visitor.GetAsync(page)).StatusCode) == HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        status.ShouldBe(HttpStatusCode.NotFound, "the suspended resource's kept page outlived the change");
    }

    [Fact]
    public async Task Each_language_gets_its_own_kept_page_and_a_signed_in_person_always_gets_their_own()
    {
        using var korean = _app.NewClient();
        using var english = _app.NewClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        (await (await KeptAsync(korean, "/Circles")).Content.ReadAsStringAsync()).ShouldContain("<html lang=\"ko\"");
        (await (await KeptAsync(english, "/Circles")).Content.ReadAsStringAsync()).ShouldContain("<html lang=\"en\"");

        var email = ApiClient.NewEmail();
        using var _ = await _app.SignedInResidentAsync(email, "보관 안 됨");
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        for (var i = 0; i < 3; i++)
        {
            var response = await site.GetAsync("/Circles");
            response.Headers.Age.ShouldBeNull();
            (await response.Content.ReadAsStringAsync()).ShouldContain("보관 안 됨");
        }
    }

    [Fact]
    public async Task A_signed_in_person_searching_sees_a_change_made_on_another_node()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = "답 보관 " + CatalogClient.NewHangulWord();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title));
        await using var otherNode = await _app.OtherNodeAsync("answers-node");
        var email = ApiClient.NewEmail();
        using var _ = await _app.SignedInResidentAsync(email, "검색하는 주민");
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        var search = "/Resources?q=" + Uri.EscapeDataString(title);
        var result = $"/Resources/Details/{id}";
        for (var i = 0; i < 2; i++)
            (await site.GetStringAsync(search)).ShouldContain(result);

        using var admin = await otherNode.AdministratorAsync();
        await admin.DecideAsync("resources", id, "suspend", "신고 내용 확인");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await site.GetStringAsync(search)).Contains(result, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        (await site.GetStringAsync(search)).ShouldNotContain(result, customMessage: "the kept search answer outlived the change");
    }

    /// <summary>
    /// The page as kept: asked again until it comes from memory (the key holds the minute, so a pair of requests can
    /// straddle one).
    /// </summary>
    private static async Task<HttpResponseMessage> KeptAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = null!;
        for (var i = 0; i < 3 && response?.Headers.Age is null; i++)
        {
            response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        response.Headers.Age.ShouldNotBeNull($"{path} was not kept");
        return response;
    }
}
