using System.Xml.Linq;
using SharingPlatform.Application.Stories;
using SharingPlatform.Domain.Stories;
using SharingPlatform.Infrastructure;

namespace SharingPlatform.Web.Api;

public static class StoriesEndpoints
{
    public sealed record StoryLinkRequest(string Type, Guid Id);

    public sealed record StoryRequest(string Title, string BodyMarkdown, Guid? OrganizationId, IReadOnlyList<StoryLinkRequest>? Links);

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void MapStoriesEndpoints(this RouteGroupBuilder api)
    {
        var stories = api.MapGroup("/stories").WithTags("Stories");

        stories.MapGet("", async (Guid? organizationId, bool? mine, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListStories(organizationId, mine ?? false, page ?? 1, pageSize ?? 12), ct)));
        stories.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStory(id), ct)));
        stories.MapPost("", async (StoryRequest request, ISender sender, CancellationToken ct) =>
        {
            var story = await sender.Send(new WriteStory(request.Title, request.BodyMarkdown, request.OrganizationId, Links(request)), ct);
            return TypedResults.Created($"/api/v1/stories/{story.Id}", story);
        }).Idempotent().RequireAuthorization()
            .Refuses("story_needs_organization", "story_link_not_public", "organization_not_verified", "story_title_length", "story_body_length");
        stories.MapPut("/{id:guid}", async (Guid id, StoryRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new EditStory(id, request.Title, request.BodyMarkdown, Links(request)), ct))).RequireAuthorization()
            .Refuses("story_not_editable", "story_link_not_public", "organization_not_verified", "story_title_length", "story_body_length");

        // Multipart with one "file" part. Bearer-authenticated, so no antiforgery token is involved.
        stories.MapPut("/{id:guid}/cover", async (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            return TypedResults.Ok(await sender.Send(new SetStoryCover(id, content, file.Length), ct));
        }).DisableAntiforgery().RequireAuthorization();
        stories.MapDelete("/{id:guid}/cover", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RemoveStoryCover(id), ct))).RequireAuthorization();
    }

    private static List<StoryLink> Links(StoryRequest request) =>
        (request.Links ?? []).Select(l => new StoryLink(QueryEnums.Parse<StoryLinkType>(l.Type, "links") ?? (StoryLinkType)(-1), l.Id)).ToList();

    /// <summary>The published stories as an Atom feed (RFC 4287), newest first, each with its safe HTML.</summary>
    public static void MapStoriesFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/stories.atom", async (IOptions<AppOptions> options, HttpRequest request, ISender sender, IStringLocalizer<SiteText> text, CancellationToken ct) =>
        {
            var site = DiscoveryEndpoints.Site(options, request);
            var entries = await sender.Send(new GetStoryFeed(), ct);
            var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.UpdatedAt);
            var feed = new XElement(Atom + "feed",
                new XElement(Atom + "id", $"{site}/stories.atom"),
                new XElement(Atom + "title", text["StoriesFeedTitle"].Value),
                new XElement(Atom + "updated", AtomDate(updated)),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/stories.atom")),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/Stories")),
                entries.Select(e => new XElement(Atom + "entry",
                    new XElement(Atom + "id", $"{site}/Stories/{e.Id}"),
                    new XElement(Atom + "title", e.Title),
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", $"{site}/Stories/{e.Id}")),
                    new XElement(Atom + "author", new XElement(Atom + "name", e.AuthorName)),
                    new XElement(Atom + "published", AtomDate(e.PublishedAt)),
                    new XElement(Atom + "updated", AtomDate(e.UpdatedAt)),
                    new XElement(Atom + "content", new XAttribute("type", "html"), e.Html))));
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
            return Results.Text(document.Declaration + "\n" + document.Root, "application/atom+xml; charset=utf-8");
        }).ExcludeFromDescription();

    private static string AtomDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
