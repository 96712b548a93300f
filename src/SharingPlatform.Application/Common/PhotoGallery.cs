namespace SharingPlatform.Application.Common;

/// <summary>A photo of a gallery as pages and the API show it: the display size and the thumbnail, served under <c>/media/</c>.</summary>
public sealed record PhotoView(Guid Id, string Url, string ThumbnailUrl)
{
    public static PhotoView Of(Guid id, string fileName, string thumbnailFileName) => new(id, "/media/" + fileName, "/media/" + thumbnailFileName);
}

/// <summary>What the photo galleries of resources and labs share: files named by the server, kept only when the photo is saved.</summary>
public static class PhotoGallery
{
    /// <summary>
    /// Adds a processed photo through <paramref name="add"/> (given its file and thumbnail names), stores both files, and
    /// saves through <paramref name="save"/>; when the save fails, the files go with it.
    /// </summary>
    public static async Task<TPhoto> StoreAsync<TPhoto>(
        this IFileStore files, ProcessedPhoto processed, Func<string, string, TPhoto> add, Func<Task> save, CancellationToken cancellationToken)
    {
        var stem = Guid.NewGuid().ToString("N");
        var (fileName, thumbnailFileName) = (stem + processed.Extension, stem + "-thumb" + processed.Extension);
        var photo = add(fileName, thumbnailFileName);
        await files.SaveAsync(fileName, processed.Display, cancellationToken);
        await files.SaveAsync(thumbnailFileName, processed.Thumbnail, cancellationToken);
        try
        {
            await save();
        }
        catch
        {
            files.Delete(fileName, thumbnailFileName);
            throw;
        }

        return photo;
    }

    public static void Delete(this IFileStore files, params string[] fileNames)
    {
        foreach (var fileName in fileNames)
            files.Delete(fileName);
    }
}
