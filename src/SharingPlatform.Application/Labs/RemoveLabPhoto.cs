namespace SharingPlatform.Application.Labs;

/// <summary>A manager removes a photo of the lab; its files go with it and the later photos move up.</summary>
public sealed record RemoveLabPhoto(Guid LabId, Guid PhotoId) : ICommand;

public sealed class RemoveLabPhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IFileStore files) : ICommandHandler<RemoveLabPhoto>
{
    public async ValueTask<Unit> Handle(RemoveLabPhoto command, CancellationToken cancellationToken)
    {
        await db.RequireManagerToChangeAsync(command.LabId, currentUser, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockLabAsync(command.LabId, cancellationToken);
        var lab = await db.Labs.Include(l => l.Photos).SingleAsync(l => l.Id == command.LabId, cancellationToken);
        var photo = lab.RemovePhoto(command.PhotoId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        files.Delete(photo.FileName, photo.ThumbnailFileName);
        return Unit.Value;
    }
}
