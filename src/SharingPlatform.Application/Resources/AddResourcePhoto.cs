using FluentValidation;
using FluentValidation.Results;
using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Resources;

/// <summary>
/// A member uploads a photo of a resource: JPEG, PNG or WebP by content, at most 10 MB and 40 megapixels. It is stored
/// re-encoded (display size and thumbnail, no metadata) under names the server chooses.
/// </summary>
public sealed record AddResourcePhoto(Guid ResourceId, Stream Content, long Length) : ICommand<ResourceView>;

public sealed class AddResourcePhotoValidator : AbstractValidator<AddResourcePhoto>
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public AddResourcePhotoValidator() =>
        RuleFor(c => c.Length).InclusiveBetween(1, MaxBytes).OverridePropertyName("file")
            .WithMessage(_ => Texts.Pick("사진은 10MB 이하여야 합니다.", "A photo is at most 10 MB."));
}

public sealed class AddResourcePhotoHandler(IApplicationDbContext db, ICurrentUser currentUser, IPhotoProcessor photos, IFileStore files, TimeProvider clock)
    : ICommandHandler<AddResourcePhoto, ResourceView>
{
    public async ValueTask<ResourceView> Handle(AddResourcePhoto command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(command.ResourceId, currentUser, cancellationToken);
        var processed = await photos.ProcessAsync(command.Content, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("file", Texts.Pick(
                "JPEG, PNG, WebP 사진만 올릴 수 있습니다 (4천만 화소 이하).", "Only JPEG, PNG or WebP photos of at most 40 megapixels."))]);

        var stem = Guid.NewGuid().ToString("N");
        var photo = resource.AddPhoto(stem + processed.Extension, stem + "-thumb" + processed.Extension, clock.GetUtcNow());
        await files.SaveAsync(photo.FileName, processed.Display, cancellationToken);
        await files.SaveAsync(photo.ThumbnailFileName, processed.Thumbnail, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.Delete(photo.FileName);
            files.Delete(photo.ThumbnailFileName);
            throw;
        }

        return await db.ViewAsync(resource, cancellationToken);
    }
}
