using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Home;

/// <summary>A shared link shows a preview (Open Graph, Twitter card); search engines find the public pages and not the private ones.</summary>
[Collection(AppCollection.Name)]
public sealed class LinkPreviewTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_resource_page_previews_with_its_title_description_and_address()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = $"{CatalogClient.NewHangulWord()} 회의실";
        var body = CatalogClient.ResourceBody(organization.Id, title: title);
        body["description"] = "  전주 한옥마을 옆\n\n회의실입니다.  ";
        var id = await _app.PublishedResourceAsync(organization, body);
        using var anonymous = _app.NewClient();

        var html = await anonymous.GetStringAsync($"/Resources/Details/{id}");

        html.ShouldContain($"<meta property=\"og:title\" content=\"{title}\" />");
        html.ShouldContain("<meta property=\"og:description\" content=\"전주 한옥마을 옆 회의실입니다.\" />");
        html.ShouldContain($"<meta property=\"og:url\" content=\"http://127.0.0.1:5000/Resources/Details/{id}\" />");
        html.ShouldContain("<meta property=\"og:locale\" content=\"ko_KR\" />");
        html.ShouldContain("<meta name=\"twitter:card\" content=\"summary\" />");
    }

    [Fact]
    public async Task A_crawler_is_asked_not_to_follow_the_resource_pages_links_to_the_booking_form()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id));
        using var anonymous = _app.NewClient();

        var html = await anonymous.GetStringAsync($"/Resources/Details/{id}");

        var links = System.Text.RegularExpressions.Regex.Matches(html, "<a [^>]*href=\"/Bookings/New[^>]*>").Select(m => m.Value).ToList();
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(link => link.Contains("rel=\"nofollow\""));
    }

    [Fact]
    public async Task The_sitemap_lists_published_resources_and_shown_proposals_not_drafts_or_suspended_ones_and_robots_keep_private_pages_out()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var published = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id));
        var draft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        var proposal = (await organization.Owner.PostAsJsonAsync("/api/v1/proposals", new { title = "사이트맵 제안", category = "goods", municipality = "jeonju" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        var suspended = (await organization.Owner.PostAsJsonAsync("/api/v1/proposals", new { title = "숨은 제안", category = "goods", municipality = "jeonju" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        using var admin = await _app.AdministratorAsync();
        await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{suspended}/suspend", new { reason = "광고" }).ExpectAsync(HttpStatusCode.NoContent);
        using var anonymous = _app.NewClient();

        using var sitemap = await anonymous.GetAsync("/sitemap.xml");
        sitemap.StatusCode.ShouldBe(HttpStatusCode.OK);
        sitemap.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Parse(await sitemap.Content.ReadAsStringAsync()).Descendants(ns + "loc").Select(l => l.Value).ToList();
        locations.ShouldContain("http://127.0.0.1:5000/");
        locations.ShouldContain($"http://127.0.0.1:5000/Resources/Details/{published}");
        locations.ShouldNotContain($"http://127.0.0.1:5000/Resources/Details/{draft}");
        locations.ShouldContain($"http://127.0.0.1:5000/Proposals/{proposal}");
        locations.ShouldNotContain($"http://127.0.0.1:5000/Proposals/{suspended}");

        var robots = await anonymous.GetStringAsync("/robots.txt");
        robots.ShouldContain("Disallow: /Account/");
        robots.ShouldContain("Disallow: /Bookings/");
        robots.ShouldContain("Allow: /Bookings/New");
        robots.ShouldContain("Disallow: /Proposals/New");
        robots.ShouldContain("Sitemap: http://127.0.0.1:5000/sitemap.xml");
    }
}
