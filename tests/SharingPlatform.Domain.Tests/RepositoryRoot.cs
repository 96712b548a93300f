namespace SharingPlatform.Domain.Tests;

/// <summary>The checkout's root folder (the one with SharingPlatform.sln), for the tests that read the source tree.</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SharingPlatform.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No SharingPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
