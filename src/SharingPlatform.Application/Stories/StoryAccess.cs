using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Organizations;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

/// <summary>A place a story links to, with its name; a place no longer public is left out of the public view.</summary>
public sealed record StoryLinkView(StoryLinkType Type, Guid Id, string Title);

/// <summary>
/// A story as its page and the API show it: the Markdown and the safe HTML made from it. <see cref="MayEdit"/> is true
/// for administrators and members of the story's organization, who alone see a story that is not published.
/// </summary>
public sealed record StoryView(
    Guid Id, string Title, string BodyMarkdown, string BodyHtml, Guid? OrganizationId, string? OrganizationName, string AuthorName,
    StoryStatus Status, string? StatusReason, PhotoView? Cover, IReadOnlyList<StoryLinkView> Links, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, bool MayEdit);

/// <summary>A story in a list: the title, a plain-text summary of the body and the cover's thumbnail.</summary>
public sealed record StoryCard(
    Guid Id, string Title, string Summary, string? OrganizationName, StoryStatus Status, string? CoverThumbnailUrl, DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt);

public static class StoryAccess
{
    public const int SummaryLength = 160;

    public static NotFoundException NotFound() => new(Texts.Get("NoSuchStory"));

    public static string Link(Guid storyId) => $"/Stories/{storyId}";

    /// <summary>Published, and by an administrator or an organization that is verified now.</summary>
    public static IQueryable<Story> Published(this IApplicationDbContext db) =>
        db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published
            && (s.OrganizationId == null || db.Organizations.Any(o => o.Id == s.OrganizationId && o.Status == OrganizationStatus.Verified)));

    /// <summary>The stories <paramref name="currentUser"/> may edit: every story for an administrator, their organizations' for a member.</summary>
    public static IQueryable<Story> EditableBy(this IApplicationDbContext db, ICurrentUser currentUser)
    {
        if (currentUser.IsInRole(Roles.Administrator))
            return db.Stories.AsNoTracking();
        var userId = currentUser.Id;
        return db.Stories.AsNoTracking().Where(s => db.OrganizationMembers.Any(m => m.OrganizationId == s.OrganizationId && m.UserId == userId));
    }

    public static IQueryable<StoryCard> Cards(this IApplicationDbContext db, IQueryable<Story> stories) =>
        stories.Select(s => new StoryCard(
            s.Id, s.Title, s.BodyMarkdown.Substring(0, SummaryLength * 2),
            db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            s.Status, s.CoverThumbnailFileName == null ? null : "/media/" + s.CoverThumbnailFileName, s.PublishedAt, s.UpdatedAt));

    /// <summary>The card with its summary as plain text: the Markdown's first words without its marks.</summary>
    public static StoryCard Summarized(this StoryCard card) => card with { Summary = StoryMarkdown.Summary(card.Summary, SummaryLength) };

    /// <summary>The story's row, locked (<c>FOR UPDATE</c>): an edit and an administrator's decision take turns.</summary>
    public static async Task<Story> LockStoryAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Stories.FromSql($"SELECT * FROM stories WHERE id = {id} FOR UPDATE").Include(s => s.Links).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFound();

    /// <summary>
    /// Loads a story, locked, for someone who may edit it; anyone else gets 404 (a published story's page does not
    /// offer them an edit), as does a member of a suspended organization.
    /// </summary>
    public static async Task<Story> LockForEditorAsync(this IApplicationDbContext db, Guid id, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var story = await db.LockStoryAsync(id, cancellationToken);
        if (currentUser.IsInRole(Roles.Administrator))
            return story;
        if (story.OrganizationId is not { } organizationId || !await db.IsMemberAsync(organizationId, userId, cancellationToken))
            throw NotFound();
        await ResourceAccess.RequireVerifiedAsync(db, organizationId, cancellationToken);
        return story;
    }

    /// <summary>
    /// Who may write for <paramref name="organizationId"/>: an administrator (for no organization or any), or a member
    /// of a verified organization.
    /// </summary>
    public static async Task RequireWriterAsync(this IApplicationDbContext db, Guid? organizationId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (organizationId is not { } id)
        {
            if (!currentUser.IsInRole(Roles.Administrator))
                throw new DomainRuleException("story_needs_organization", Texts.Get("StoryNeedsOrganization"));
            return;
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
            throw OrganizationAccess.NotFound();
        if (!currentUser.IsInRole(Roles.Administrator) && !await db.IsMemberAsync(id, userId, cancellationToken))
            throw new ForbiddenException(Texts.Get("OnlyStoryWriters"));
        await ResourceAccess.RequireVerifiedAsync(db, id, cancellationToken);
    }

    /// <summary>Every place linked must be public now: a published resource or lab, an active circle (422 story_link_not_public).</summary>
    public static async Task RequirePublicLinksAsync(this IApplicationDbContext db, IReadOnlyCollection<StoryLink> links, CancellationToken cancellationToken)
    {
        var titles = await db.PublicTitlesAsync(links, cancellationToken);
        if (links.Any(l => !titles.ContainsKey(l)))
            throw new DomainRuleException("story_link_not_public", Texts.Get("StoryLinkNotPublic"));
    }

    public static async Task<StoryView> ViewAsync(this IApplicationDbContext db, Guid id, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var mayEdit = await db.EditableBy(currentUser).AnyAsync(s => s.Id == id, cancellationToken) && currentUser.Id is not null;
        var stories = mayEdit ? db.Stories.AsNoTracking() : db.Published();
        var story = await stories.Include(s => s.Links).SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound();
        var names = await db.Stories.Where(s => s.Id == id).Select(s => new
        {
            Organization = db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            Author = db.Users.Where(u => u.Id == s.AuthorId).Select(u => u.DisplayName).First(),
        }).SingleAsync(cancellationToken);
        var titles = await db.PublicTitlesAsync(story.Links, cancellationToken);
        var links = story.Links.Where(titles.ContainsKey).Select(l => new StoryLinkView(l.Type, l.Id, titles[l])).ToList();
        var cover = story.CoverFileName is null ? null : PhotoView.Of(story.Id, story.CoverFileName, story.CoverThumbnailFileName!);
        return new StoryView(
            story.Id, story.Title, story.BodyMarkdown, StoryMarkdown.ToHtml(story.BodyMarkdown), story.OrganizationId, names.Organization,
            names.Author, story.Status, story.StatusReason, cover, links, story.CreatedAt, story.UpdatedAt, story.PublishedAt, mayEdit);
    }

    private static async Task<Dictionary<StoryLink, string>> PublicTitlesAsync(
        this IApplicationDbContext db, IEnumerable<StoryLink> links, CancellationToken cancellationToken)
    {
        var wanted = links.ToList();
        var titles = new Dictionary<StoryLink, string>();
        var resourceIds = wanted.Where(l => l.Type == StoryLinkType.Resource).Select(l => l.Id).ToList();
        if (resourceIds.Count > 0)
            foreach (var r in await ResourceAccess.PubliclyVisible(db).Where(r => resourceIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken))
                titles[new StoryLink(StoryLinkType.Resource, r.Id)] = r.Title;
        var labIds = wanted.Where(l => l.Type == StoryLinkType.Lab).Select(l => l.Id).ToList();
        if (labIds.Count > 0)
            foreach (var l in await LabAccess.PubliclyVisible(db).Where(l => labIds.Contains(l.Id)).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken))
                titles[new StoryLink(StoryLinkType.Lab, l.Id)] = l.Name;
        var circleIds = wanted.Where(l => l.Type == StoryLinkType.Circle).Select(l => l.Id).ToList();
        if (circleIds.Count > 0)
            foreach (var c in await CircleAccess.PubliclyVisible(db).Where(c => circleIds.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken))
                titles[new StoryLink(StoryLinkType.Circle, c.Id)] = c.Title;
        return titles;
    }
}
