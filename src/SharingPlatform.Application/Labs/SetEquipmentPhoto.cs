namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager uploads the photo of a piece of equipment (JPEG, PNG or WebP by content, at most 10 MB and 24 megapixels, through the same checks as every photo), stored re-encoded
/// without metadata under a name the server chooses; it replaces the earlier photo, whose file goes. Uploads at once take
/// turns on the lab's row, so only the photo shown is kept.
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
        await db.RequireManagerToChangeAsync(command.LabId, currentUser, cancellationToken);
        var processed = await photos.ProcessOrRefuseAsync(command.Content, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockLabAsync(command.LabId, cancellationToken);
        var equipment = await db.LoadEquipmentAsync(command.LabId, command.EquipmentId, cancellationToken);
        var earlier = equipment.PhotoFileName;
        var fileName = Guid.NewGuid().ToString("N") + processed.Extension;
        await files.SaveAsync(fileName, processed.Display, cancellationToken);
        equipment.SetPhoto(fileName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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
