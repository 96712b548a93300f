using FluentValidation;
using FluentValidation.Results;
using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// A manager uploads the photo of a piece of equipment (JPEG, PNG or WebP by content, at most 10 MB), stored re-encoded
/// without metadata under a name the server chooses; it replaces the earlier photo.
/// </summary>
public sealed record SetEquipmentPhoto(Guid LabId, Guid EquipmentId, Stream Content, long Length) : ICommand<EquipmentView>;

public sealed class SetEquipmentPhotoValidator : AbstractValidator<SetEquipmentPhoto>
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public SetEquipmentPhotoValidator() =>
        RuleFor(c => c.Length).InclusiveBetween(1, MaxBytes).OverridePropertyName("file")
            .WithMessage(_ => Texts.Pick("사진은 10MB 이하여야 합니다.", "A photo is at most 10 MB."));
}

public sealed class SetEquipmentPhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IPhotoProcessor photos, IFileStore files, TimeProvider clock)
    : ICommandHandler<SetEquipmentPhoto, EquipmentView>
{
    public async ValueTask<EquipmentView> Handle(SetEquipmentPhoto command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var equipment = await db.LoadEquipmentAsync(lab.Id, command.EquipmentId, cancellationToken);
        var processed = await photos.ProcessAsync(command.Content, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("file", Texts.Pick(
                "JPEG, PNG, WebP 사진만 올릴 수 있습니다 (4천만 화소 이하).", "Only JPEG, PNG or WebP photos of at most 40 megapixels."))]);

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
