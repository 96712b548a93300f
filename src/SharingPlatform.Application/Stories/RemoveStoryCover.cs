namespace SharingPlatform.Application.Stories;

/// <summary>Someone who may edit a story takes its cover photo away; the files go with it.</summary>
public sealed record RemoveStoryCover(Guid Id) : ICommand<StoryView>;

public sealed class RemoveStoryCoverHandler(IApplicationDbContext db, ICurrentUser currentUser, IFileStore files, TimeProvider clock)
    : ICommandHandler<RemoveStoryCover, StoryView>
{
    public async ValueTask<StoryView> Handle(RemoveStoryCover command, CancellationToken cancellationToken)
    {
        string[] replaced;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var story = await db.LockForEditorAsync(command.Id, currentUser, cancellationToken);
            replaced = story.SetCover(null, null, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        files.Delete(replaced);
        return await db.ViewAsync(command.Id, currentUser, cancellationToken);
    }
}
