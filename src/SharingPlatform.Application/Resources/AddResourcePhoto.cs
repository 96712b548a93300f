namespace SharingPlatform.Application.Resources;

/// <summary>
/// A member uploads a photo of a resource: JPEG, PNG or WebP by content, at most 10 MB and 24 megapixels. It is stored
/// re-encoded (display size and thumbnail, no metadata) under names the server chooses. Uploads at once take turns on
/// the resource's row, so the ninth photo is refused even when two arrive together.
/// </summary>
public sealed record AddResourcePhoto(Guid ResourceId, Stream Content, long Length) : ICommand<ResourceView>;

public sealed class AddResourcePhotoValidator : AbstractValidator<AddResourcePhoto>
{
    public AddResourcePhotoValidator() => this.ValidPhotoLength(c => c.Length);
}

public sealed class AddResourcePhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IPhotoProcessor photos, IFileStore files, TimeProvider clock)
    : ICommandHandler<AddResourcePhoto, ResourceView>
{
    public async ValueTask<ResourceView> Handle(AddResourcePhoto command, CancellationToken cancellationToken)
    {
        await db.RequireMemberToChangeAsync(command.ResourceId, currentUser, cancellationToken);
        var processed = await photos.ProcessOrRefuseAsync(command.Content, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resource = await db.LockWithPhotosAsync(command.ResourceId, cancellationToken);
        await files.StoreAsync(processed, (name, thumbnail) => resource.AddPhoto(name, thumbnail, clock.GetUtcNow()), async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
