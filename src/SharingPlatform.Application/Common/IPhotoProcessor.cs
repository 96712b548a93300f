using System.Linq.Expressions;

namespace SharingPlatform.Application.Common;

/// <summary>
/// Checks an uploaded image by its content (JPEG, PNG or WebP, at most <see cref="PhotoUploads.MaxPixels"/>, 24 megapixels) and re-encodes it without its
/// metadata as a display size and a thumbnail. Returns null when the content is not such an image (the size is read from the
/// header, before decoding). Throws <see cref="ServiceBusyException"/> when too many photos are being decoded already.
/// </summary>
public interface IPhotoProcessor
{
    Task<ProcessedPhoto?> ProcessAsync(Stream upload, CancellationToken cancellationToken);
}

public sealed record ProcessedPhoto(byte[] Display, byte[] Thumbnail, string Extension);

/// <summary>The rules every photo upload shares (resource, lab and equipment photos), with one wording of each refusal.</summary>
public static class PhotoUploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>24 megapixels (6000 × 4000): far more than the 1600 px display size needs, and about 100 MB once decoded.</summary>
    public const long MaxPixels = 24_000_000;

    public static void ValidPhotoLength<T>(this AbstractValidator<T> validator, Expression<Func<T, long>> length) =>
        validator.RuleFor(length).InclusiveBetween(1, MaxBytes).OverridePropertyName("file")
            .WithMessage(_ => Texts.Get("PhotoTooLarge"));

    /// <summary>The processed photo, or a validation refusal on <c>file</c> when the content is not a photo we take.</summary>
    public static async Task<ProcessedPhoto> ProcessOrRefuseAsync(this IPhotoProcessor photos, Stream upload, CancellationToken cancellationToken) =>
        await photos.ProcessAsync(upload, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("file", Texts.Get("PhotoNotAccepted"))]);
}
