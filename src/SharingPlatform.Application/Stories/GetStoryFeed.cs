using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

/// <summary>The latest published stories with their safe HTML, for the Atom feed.</summary>
public sealed record GetStoryFeed(int Count = 20) : IQuery<IReadOnlyList<StoryFeedEntry>>;

public sealed record StoryFeedEntry(Guid Id, string Title, string Html, string AuthorName, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

public sealed class GetStoryFeedHandler(IApplicationDbContext db) : IQueryHandler<GetStoryFeed, IReadOnlyList<StoryFeedEntry>>
{
    public async ValueTask<IReadOnlyList<StoryFeedEntry>> Handle(GetStoryFeed query, CancellationToken cancellationToken)
    {
        var stories = await db.Published().OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Id).Take(query.Count)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.BodyMarkdown,
                Author = db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                s.PublishedAt,
                s.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        return stories.Select(s => new StoryFeedEntry(
            s.Id, s.Title, StoryMarkdown.ToHtml(s.BodyMarkdown), s.Author ?? Texts.Get("StoryProvinceAuthor"), s.PublishedAt!.Value,
            s.UpdatedAt)).ToList();
    }
}
