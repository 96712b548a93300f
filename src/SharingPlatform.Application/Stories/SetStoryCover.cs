namespace SharingPlatform.Application.Stories;

/// <summary>
/// Someone who may edit a story gives it a cover photo through the photo pipeline (JPEG, PNG or WebP by content,
/// re-encoded without metadata); the cover it replaces is deleted.
/// </summary>
public sealed record SetStoryCover(Guid Id, Stream Content, long Length) : ICommand<StoryView>;

public sealed class SetStoryCoverValidator : AbstractValidator<SetStoryCover>
{
    public SetStoryCoverValidator() => this.ValidPhotoLength(c => c.Length);
}

public sealed class SetStoryCoverHandler(IApplicationDbContext db, ICurrentUser currentUser, IPhotoProcessor photos, IFileStore files, TimeProvider clock)
    : ICommandHandler<SetStoryCover, StoryView>
{
    public async ValueTask<StoryView> Handle(SetStoryCover command, CancellationToken cancellationToken)
    {
        var processed = await photos.ProcessOrRefuseAsync(command.Content, cancellationToken);
        string[] replaced = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var story = await db.LockForEditorAsync(command.Id, currentUser, cancellationToken);
            await files.StoreAsync(processed, (name, thumbnail) => replaced = story.SetCover(name, thumbnail, clock.GetUtcNow()),
                async () =>
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }, cancellationToken);
        }

        files.Delete(replaced);
        return await db.ViewAsync(command.Id, currentUser, cancellationToken);
    }
}
