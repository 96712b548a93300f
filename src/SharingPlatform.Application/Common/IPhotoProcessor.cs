namespace SharingPlatform.Application.Common;

/// <summary>
/// Checks an uploaded image by its content (JPEG, PNG or WebP, at most 40 megapixels) and re-encodes it without its
/// metadata as a display size and a thumbnail. Returns null when the content is not such an image.
/// </summary>
public interface IPhotoProcessor
{
    Task<ProcessedPhoto?> ProcessAsync(Stream upload, CancellationToken cancellationToken);
}

public sealed record ProcessedPhoto(byte[] Display, byte[] Thumbnail, string Extension);
