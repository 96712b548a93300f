using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

/// <summary>
/// An administrator or a member of the story's organization changes its title, body and links. An organization's
/// edit sends the story back to review; an administrator's keeps it published.
/// </summary>
public sealed record EditStory(Guid Id, string Title, string BodyMarkdown, IReadOnlyList<StoryLink>? Links) : ICommand<StoryView>;

public sealed class EditStoryValidator : AbstractValidator<EditStory>
{
    public EditStoryValidator() => this.ValidStory(c => c.Title, c => c.BodyMarkdown, c => c.Links);
}

public sealed class EditStoryHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<EditStory, StoryView>
{
    public async ValueTask<StoryView> Handle(EditStory command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var story = await db.LockForEditorAsync(command.Id, currentUser, cancellationToken);
        var links = command.Links ?? [];
        await db.RequirePublicLinksAsync(links, cancellationToken);
        story.Edit(command.Title, command.BodyMarkdown, links, currentUser.IsInRole(Roles.Administrator), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(story.Id, currentUser, cancellationToken);
    }
}
