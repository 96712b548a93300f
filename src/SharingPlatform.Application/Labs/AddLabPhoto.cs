using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager uploads a photo of the lab: JPEG, PNG or WebP by content, at most 10 MB and 24 megapixels, stored re-encoded
/// (display size and thumbnail, no metadata) under names the server chooses. Uploads at once take turns on the lab's row,
/// so the ninth photo is refused even when two arrive together.
/// </summary>
public sealed record AddLabPhoto(Guid LabId, Stream Content, long Length) : ICommand<PhotoView>;

public sealed class AddLabPhotoValidator : AbstractValidator<AddLabPhoto>
{
    public AddLabPhotoValidator() => this.ValidPhotoLength(c => c.Length);
}

public sealed class AddLabPhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IPhotoProcessor photos, IFileStore files, TimeProvider clock)
    : ICommandHandler<AddLabPhoto, PhotoView>
{
    public async ValueTask<PhotoView> Handle(AddLabPhoto command, CancellationToken cancellationToken)
    {
        await db.RequireManagerToChangeAsync(command.LabId, currentUser, cancellationToken);
        var processed = await photos.ProcessOrRefuseAsync(command.Content, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockLabAsync(command.LabId, cancellationToken);
        var lab = await db.Labs.Include(l => l.Photos).SingleAsync(l => l.Id == command.LabId, cancellationToken);
        var photo = await files.StoreAsync(processed, (name, thumbnail) => lab.AddPhoto(name, thumbnail, clock.GetUtcNow()), async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return PhotoView.Of(photo.Id, photo.FileName, photo.ThumbnailFileName);
    }
}
