namespace SharingPlatform.Application.Common;

/// <summary>Where uploaded files live, under names the server chose. Local disk today; object storage can replace it.</summary>
public interface IFileStore
{
    Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Stream? OpenRead(string name);

    void Delete(string name);
}
