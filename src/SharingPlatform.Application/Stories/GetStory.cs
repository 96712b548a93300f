namespace SharingPlatform.Application.Stories;

/// <summary>One story: a published one for anyone, any of theirs for those who may edit it; 404 otherwise.</summary>
public sealed record GetStory(Guid Id) : IQuery<StoryView>;

public sealed class GetStoryHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetStory, StoryView>
{
    public async ValueTask<StoryView> Handle(GetStory query, CancellationToken cancellationToken) =>
        await db.ViewAsync(query.Id, currentUser, cancellationToken);
}
