using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Infrastructure.Files;

/// <summary>ImageSharp: the format is read from the bytes, never from the file name; the output is WebP without metadata.</summary>
internal sealed class ImageSharpPhotoProcessor : IPhotoProcessor
{
    public const long MaxPixels = 40_000_000;
    private const int DisplaySize = 1600;
    private const int ThumbnailSize = 400;

    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    public async Task<ProcessedPhoto?> ProcessAsync(Stream upload, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;

        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(Formats, buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException)
        {
            return null;
        }

        if (info is null || (long)info.Width * info.Height > MaxPixels)
            return null;

        buffer.Position = 0;
        try
        {
            using var image = await Image.LoadAsync(Formats, buffer, cancellationToken);
            image.Mutate(i => i.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            var display = await EncodeAsync(image, DisplaySize, cancellationToken);
            var thumbnail = await EncodeAsync(image, ThumbnailSize, cancellationToken);
            return new ProcessedPhoto(display, thumbnail, ".webp");
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or ImageFormatException)
        {
            return null;
        }
    }

    private static async Task<byte[]> EncodeAsync(Image image, int maxSide, CancellationToken cancellationToken)
    {
        using var copy = Math.Max(image.Width, image.Height) <= maxSide
            ? image.Clone(_ => { })
            : image.Clone(i => i.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(maxSide, maxSide) }));
        using var output = new MemoryStream();
        await copy.SaveAsync(output, new WebpEncoder { Quality = 80 }, cancellationToken);
        return output.ToArray();
    }
}
