using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

/// <summary>
/// An administrator or a member of a verified organization writes a story, linking public resources, labs and circles.
/// An administrator's story is published at once; an organization's waits in the administrators' review queue.
/// </summary>
public sealed record WriteStory(string Title, string BodyMarkdown, Guid? OrganizationId, IReadOnlyList<StoryLink>? Links) : ICommand<StoryView>;

public sealed class WriteStoryValidator : AbstractValidator<WriteStory>
{
    public WriteStoryValidator() => this.ValidStory(c => c.Title, c => c.BodyMarkdown, c => c.Links);
}

public sealed class WriteStoryHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<WriteStory, StoryView>
{
    public async ValueTask<StoryView> Handle(WriteStory command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        await db.RequireWriterAsync(command.OrganizationId, currentUser, cancellationToken);
        var links = command.Links ?? [];
        await db.RequirePublicLinksAsync(links, cancellationToken);
        var story = Story.Write(userId, command.OrganizationId, command.Title, command.BodyMarkdown, links,
            currentUser.IsInRole(Roles.Administrator), clock.GetUtcNow());
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(story.Id, currentUser, cancellationToken);
    }
}
