namespace SharingPlatform.Application.Resources;

/// <summary>A member removes a photo; its files go with it.</summary>
public sealed record RemoveResourcePhoto(Guid ResourceId, Guid PhotoId) : ICommand<ResourceView>;

public sealed class RemoveResourcePhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IFileStore files)
    : ICommandHandler<RemoveResourcePhoto, ResourceView>
{
    public async ValueTask<ResourceView> Handle(RemoveResourcePhoto command, CancellationToken cancellationToken)
    {
        await db.RequireMemberToChangeAsync(command.ResourceId, currentUser, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resource = await db.LockWithPhotosAsync(command.ResourceId, cancellationToken);
        var photo = resource.RemovePhoto(command.PhotoId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        files.Delete(photo.FileName, photo.ThumbnailFileName);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
