using System.Xml.Linq;
using SharingPlatform.Application.Home;
using SharingPlatform.Infrastructure;

namespace SharingPlatform.Web.Api;

/// <summary>For search engines: <c>/sitemap.xml</c> lists the public pages; <c>/robots.txt</c> keeps personal and administrative ones out.</summary>
public static class DiscoveryEndpoints
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly string[] FixedPages = ["/", "/Resources", "/Labs", "/Circles", "/Proposals", "/Stories", "/Programme", "/OpenData"];

    /// <summary>
    /// Pages of one person or of the people who run the platform, and the API (but its open data). The booking form
    /// shows nobody's data (a stranger is sent to sign in), so it is not kept out; the resource page's slot links to
    /// it carry <c>rel="nofollow"</c>, so a crawler does not walk one link per free slot.
    /// </summary>
    private static readonly string[] PrivatePaths =
    [
        "/Account/", "/Admin/", "/admin/", "/Bookings/", "/Loans/", "/Notifications", "/Favourites", "/Invitations", "/Reports/",
        "/Organizations/", "/Resources/Edit", "/Labs/Edit", "/Labs/Manage", "/Labs/Mine", "/Circles/New", "/Circles/Edit", "/Circles/Host",
        "/Circles/Mine", "/Proposals/New", "/Stories/Edit", "/Stories/Mine", "/Culture", "/calendar/", "/api/",
    ];

    public static void MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (IOptions<AppOptions> options, HttpRequest request) =>
        {
            var lines = new List<string> { "User-agent: *", "Allow: /api/v1/open-data/", "Allow: /Bookings/New" };
            lines.AddRange(PrivatePaths.Select(p => "Disallow: " + p));
            lines.Add($"Sitemap: {Site(options, request)}/sitemap.xml");
            return Results.Text(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/sitemap.xml", async (IOptions<AppOptions> options, HttpRequest request, ISender sender, CancellationToken ct) =>
        {
            var site = Site(options, request);
            var pages = await sender.Send(new ListPublicPages(), ct);
            var urls = FixedPages.Select(p => Url(site + p, null))
                .Concat(pages.Resources.Select(p => Url($"{site}/Resources/Details/{p.Id}", p.ChangedAt)))
                .Concat(pages.Labs.Select(p => Url($"{site}/Labs/Details/{p.Id}", p.ChangedAt)))
                .Concat(pages.Circles.Select(p => Url($"{site}/Circles/Details/{p.Id}", p.ChangedAt)))
                .Concat(pages.Proposals.Select(p => Url($"{site}/Proposals/{p.Id}", p.ChangedAt)))
                .Concat(pages.Stories.Select(p => Url($"{site}/Stories/{p.Id}", p.ChangedAt)));
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset", urls));
            return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
        }).ExcludeFromDescription();
    }

    private static XElement Url(string location, DateTimeOffset? changedAt) =>
        new(Sitemap + "url",
            new XElement(Sitemap + "loc", location),
            changedAt is { } at ? new XElement(Sitemap + "lastmod", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : null);

    /// <summary>The site's address for links that leave it (App:BaseUrl, else the request's own).</summary>
    public static string Site(IOptions<AppOptions> options, HttpRequest request) =>
        options.Value.BaseUrl?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host}";
}
