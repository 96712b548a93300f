using System.Text.RegularExpressions;

namespace SharingPlatform.Infrastructure.Files;

public sealed class FileStoreOptions
{
    public const string Section = "Uploads";

    /// <summary>The folder of uploaded files; relative paths are under the content root.</summary>
    public string Directory { get; set; } = ".data/uploads";
}

/// <summary>Files on local disk. Names are the server's own (a GUID and an extension), so a name never walks out of the folder.</summary>
internal sealed partial class LocalFileStore(IOptions<FileStoreOptions> options, IHostEnvironment environment) : IFileStore
{
    private string Root => Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public async Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        await File.WriteAllBytesAsync(PathOf(name), content, cancellationToken);
    }

    public Stream? OpenRead(string name)
    {
        if (!SafeName().IsMatch(name))
            return null;
        var path = PathOf(name);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string name)
    {
        if (SafeName().IsMatch(name))
            File.Delete(PathOf(name));
    }

    private string PathOf(string name) =>
        SafeName().IsMatch(name) ? Path.Combine(Root, name) : throw new ArgumentException("Not a stored file name.", nameof(name));

    [GeneratedRegex("^[0-9a-f]{32}(-thumb)?\\.(webp)$")]
    private static partial Regex SafeName();
}
