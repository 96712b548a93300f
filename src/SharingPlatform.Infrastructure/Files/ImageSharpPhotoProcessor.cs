using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;

namespace SharingPlatform.Infrastructure.Files;

/// <summary>How much decoding photos may take of the server at once (section <c>Uploads</c>).</summary>
public sealed class PhotoDecodingOptions
{
    /// <summary>Photos decoded at the same time; the others wait their turn.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>How long an upload waits for its turn before it is answered 503 with Retry-After.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 600)]
    public int DecodeWaitSeconds { get; set; } = 10;
}

/// <summary>
/// ImageSharp: the format is read from the bytes, never from the file name; the output is WebP without metadata. The
/// header is read first, so a small file that declares a huge picture is refused before any pixel is decoded; decoding
/// takes turns (<see cref="PhotoDecodingOptions"/>) and ImageSharp's allocator refuses a buffer beyond what a photo of
/// <see cref="PhotoUploads.MaxPixels"/> needs.
/// </summary>
internal sealed class ImageSharpPhotoProcessor : IPhotoProcessor, IDisposable
{
    private const int DisplaySize = 1600;
    private const int ThumbnailSize = 400;

    /// <summary>The largest single buffer: a photo of the allowed size at 8 bytes a pixel (16-bit PNG), with room to spare.</summary>
    private const int AllocationLimitMegabytes = (int)(PhotoUploads.MaxPixels * 8 / (1024 * 1024)) + 64;

    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
    {
        MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            MaximumPoolSizeMegabytes = 64,
            AllocationLimitMegabytes = AllocationLimitMegabytes,
        }),
    };

    private readonly SemaphoreSlim _decoding;
    private readonly TimeSpan _wait;

    public ImageSharpPhotoProcessor(IOptions<PhotoDecodingOptions> options)
    {
        _decoding = new SemaphoreSlim(options.Value.MaxConcurrentDecodes, options.Value.MaxConcurrentDecodes);
        _wait = TimeSpan.FromSeconds(options.Value.DecodeWaitSeconds);
    }

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
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or ImageFormatException)
        {
            return null;
        }

        if (info is null || info.Width < 1 || info.Height < 1 || (long)info.Width * info.Height > PhotoUploads.MaxPixels)
            return null;

        if (!await _decoding.WaitAsync(_wait, cancellationToken))
            throw new ServiceBusyException(RetryAfter());
        try
        {
            buffer.Position = 0;
            using var image = await Image.LoadAsync(Formats, buffer, cancellationToken);
            image.Mutate(i => i.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            var display = await EncodeAsync(image, DisplaySize, cancellationToken);
            var thumbnail = await EncodeAsync(image, ThumbnailSize, cancellationToken);
            return new ProcessedPhoto(display, thumbnail, ".webp");
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or ImageFormatException
                                       or InvalidMemoryOperationException)
        {
            return null;
        }
        finally
        {
            _decoding.Release();
        }
    }

    /// <summary>A few seconds: about the time a decode takes, never zero.</summary>
    private TimeSpan RetryAfter() => _wait > TimeSpan.FromSeconds(5) ? _wait : TimeSpan.FromSeconds(5);

    private static async Task<byte[]> EncodeAsync(Image image, int maxSide, CancellationToken cancellationToken)
    {
        using var copy = Math.Max(image.Width, image.Height) <= maxSide
            ? image.Clone(_ => { })
            : image.Clone(i => i.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(maxSide, maxSide) }));
        using var output = new MemoryStream();
        await copy.SaveAsync(output, new WebpEncoder { Quality = 80 }, cancellationToken);
        return output.ToArray();
    }

    public void Dispose() => _decoding.Dispose();
}
