namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager uploads the photo of a piece of equipment (JPEG, PNG or WebP by content, at most 10 MB and 24 megapixels, through the same checks as every photo), stored re-encoded
/// without metadata under a name the server chooses; it replaces the earlier photo.
/// </summary>
public sealed record SetEquipmentPhoto(Guid LabId, Guid EquipmentId, Stream Content, long Length) : ICommand<EquipmentView>;

public sealed class SetEquipmentPhotoValidator : AbstractValidator<SetEquipmentPhoto>
{
    public SetEquipmentPhotoValidator() => this.ValidPhotoLength(c => c.Length);
}

public sealed class SetEquipmentPhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IPhotoProcessor photos, IFileStore files, TimeProvider clock)
    : ICommandHandler<SetEquipmentPhoto, EquipmentView>
{
    public async ValueTask<EquipmentView> Handle(SetEquipmentPhoto command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var equipment = await db.LoadEquipmentAsync(lab.Id, command.EquipmentId, cancellationToken);
        var processed = await photos.ProcessOrRefuseAsync(command.Content, cancellationToken);

        var earlier = equipment.PhotoFileName;
        var fileName = Guid.NewGuid().ToString("N") + processed.Extension;
        await files.SaveAsync(fileName, processed.Display, cancellationToken);
        equipment.SetPhoto(fileName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.Delete(fileName);
            throw;
        }

        if (earlier is not null)
            files.Delete(earlier);
        return EquipmentView.From(equipment, clock.GetUtcNow());
    }
}
