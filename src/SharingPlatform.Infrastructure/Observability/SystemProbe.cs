using System.Reflection;
using SharingPlatform.Infrastructure.Files;

namespace SharingPlatform.Infrastructure.Observability;

internal sealed class SystemProbe(ApplicationDbContext db, JobStorage jobs, IOptions<FileStoreOptions> files, IHostEnvironment environment)
    : ISystemProbe
{
    private static readonly DateTimeOffset Started = DateTimeOffset.UtcNow;

    public string Version { get; } = typeof(SystemProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    public DateTimeOffset StartedAt => Started;

    public async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)> MigrationsAsync(CancellationToken cancellationToken) =>
        ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList(), (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList());

    public long FailedJobs() => jobs.GetMonitoringApi().FailedCount();

    public long? UploadsFreeBytes()
    {
        try
        {
            var directory = Path.GetFullPath(files.Value.Directory, environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            return new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
