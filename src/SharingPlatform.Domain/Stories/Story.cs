using SharingPlatform.Domain.Common;

namespace SharingPlatform.Domain.Stories;

public enum StoryStatus
{
    Draft,
    PendingReview,
    Published,
    Rejected,
    Suspended,
}

/// <summary>What a story may link to; each must exist and be public when the story is saved.</summary>
public enum StoryLinkType
{
    Resource,
    Lab,
    Circle,
}

public sealed record StoryLink(StoryLinkType Type, Guid Id);

/// <summary>
/// A story (gongyu iyagi): a title and a Markdown body written by an administrator (published at once) or by a member of a verified
/// organization (through the administrators' review queue), moderated like other public content.
/// </summary>
public sealed class Story : IReviewed
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20000;
    public const int MaxLinks = 10;

    private readonly List<StoryLink> links = [];

    private Story()
    {
    }

    public Guid Id { get; private set; }
    public Guid AuthorId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string Title { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    public string? CoverFileName { get; private set; }
    public string? CoverThumbnailFileName { get; private set; }
    public StoryStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public IReadOnlyList<StoryLink> Links => links;

    /// <summary>An administrator's story is published at once; an organization's waits for review.</summary>
    public static Story Write(Guid authorId, Guid? organizationId, string title, string bodyMarkdown, IEnumerable<StoryLink> links, bool byAdministrator, DateTimeOffset now)
    {
        if (!byAdministrator && organizationId is null)
            throw new DomainRuleException("story_needs_organization", "A story is written by an administrator or for an organization.");
        var story = new Story
        {
            Id = Guid.NewGuid(),
            AuthorId = authorId,
            OrganizationId = organizationId,
            CreatedAt = now.ToUniversalTime(),
            Status = StoryStatus.Draft,
        };
        story.SetContent(title, bodyMarkdown, links, now);
        if (byAdministrator)
            story.Publish(now);
        else
            story.Status = StoryStatus.PendingReview;
        return story;
    }

    /// <summary>An edit by an organization sends a published or rejected story back to review; an administrator's stays published.</summary>
    public void Edit(string title, string bodyMarkdown, IEnumerable<StoryLink> links, bool byAdministrator, DateTimeOffset now)
    {
        if (Status == StoryStatus.Suspended)
            throw new DomainRuleException("story_not_editable", "A suspended story cannot be edited.");
        SetContent(title, bodyMarkdown, links, now);
        if (byAdministrator)
        {
            if (Status != StoryStatus.Published)
                Publish(now);
        }
        else
        {
            Status = StoryStatus.PendingReview;
            StatusReason = null;
        }
    }

    /// <summary>Puts a cover photo in place (or takes it away with nulls) and gives back the names of the files it replaced.</summary>
    public string[] SetCover(string? fileName, string? thumbnailFileName, DateTimeOffset now)
    {
        string[] replaced = CoverFileName is null ? [] : [CoverFileName, CoverThumbnailFileName!];
        CoverFileName = fileName;
        CoverThumbnailFileName = thumbnailFileName;
        UpdatedAt = now.ToUniversalTime();
        return replaced;
    }

    public void Approve()
    {
        if (Status != StoryStatus.PendingReview)
            throw new DomainRuleException("story_not_pending_review", $"The story is {Status}, not pending review.");
        Status = StoryStatus.Published;
        StatusReason = null;
        PublishedAt ??= UpdatedAt;
    }

    public void Reject(string reason) => Move(StoryStatus.PendingReview, StoryStatus.Rejected, Reason.Require(reason), "story_not_pending_review");

    public void Suspend(string reason) => Move(StoryStatus.Published, StoryStatus.Suspended, Reason.Require(reason), "story_not_published");

    public void Restore() => Move(StoryStatus.Suspended, StoryStatus.Published, null, "story_not_suspended");

    Enum IModerated.Status => Status;

    void IModerated.Restore(string? reason) => Restore();

    private void Publish(DateTimeOffset now)
    {
        Status = StoryStatus.Published;
        StatusReason = null;
        PublishedAt ??= now.ToUniversalTime();
    }

    private void SetContent(string title, string bodyMarkdown, IEnumerable<StoryLink> newLinks, DateTimeOffset now)
    {
        var trimmedTitle = (title ?? "").Trim();
        if (trimmedTitle.Length == 0 || trimmedTitle.Length > TitleMaxLength)
            throw new DomainRuleException("story_title_length", $"A title has 1 to {TitleMaxLength} characters.", TitleMaxLength);
        var body = (bodyMarkdown ?? "").Trim();
        if (body.Length == 0 || body.Length > BodyMaxLength)
            throw new DomainRuleException("story_body_length", $"A story has 1 to {BodyMaxLength} characters.", BodyMaxLength);
        var distinct = (newLinks ?? []).Distinct().ToList();
        if (distinct.Any(l => !Enum.IsDefined(l.Type)))
            throw new DomainRuleException("story_link_invalid", "A story links to resources, labs and circles only.");
        if (distinct.Count > MaxLinks)
            throw new DomainRuleException("story_too_many_links", $"A story links to at most {MaxLinks} places.", MaxLinks);
        Title = trimmedTitle;
        BodyMarkdown = body;
        links.Clear();
        links.AddRange(distinct);
        UpdatedAt = now.ToUniversalTime();
    }

    private void Move(StoryStatus from, StoryStatus to, string? reason, string code)
    {
        if (Status != from)
            throw new DomainRuleException(code, $"The story is {Status}, not {from}.");
        Status = to;
        StatusReason = reason;
    }
}
