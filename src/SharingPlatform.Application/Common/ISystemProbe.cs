namespace SharingPlatform.Application.Common;

/// <summary>What the running node knows of itself and its surroundings, for the administrators' System page.</summary>
public interface ISystemProbe
{
    string Version { get; }

    DateTimeOffset StartedAt { get; }

    Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)> MigrationsAsync(CancellationToken cancellationToken);

    long FailedJobs();

    /// <summary>Bytes free on the disk of the uploads directory, if it can be told.</summary>
    long? UploadsFreeBytes();
}
