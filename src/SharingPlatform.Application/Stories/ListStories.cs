using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

/// <summary>
/// Published stories, newest first, optionally of one organization. <see cref="Mine"/> lists instead every story the
/// caller may edit, whatever its status, most recently changed first.
/// </summary>
public sealed record ListStories(Guid? OrganizationId = null, bool Mine = false, int Page = 1, int PageSize = 12) : IQuery<PagedList<StoryCard>>;

public sealed class ListStoriesValidator : AbstractValidator<ListStories>
{
    public ListStoriesValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListStoriesHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListStories, PagedList<StoryCard>>
{
    public async ValueTask<PagedList<StoryCard>> Handle(ListStories query, CancellationToken cancellationToken)
    {
        IQueryable<Story> stories;
        if (query.Mine)
        {
            currentUser.RequireId();
            stories = db.EditableBy(currentUser).OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id);
        }
        else
            stories = db.Published().OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Id);
        if (query.OrganizationId is { } organizationId)
            stories = stories.Where(s => s.OrganizationId == organizationId);
        var page = await db.Cards(stories).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page with { Items = page.Items.Select(c => c.Summarized()).ToList() };
    }
}
