namespace SharingPlatform.Domain.Common;

/// <summary>
/// How many requests one partition (an address signing in, a person filing reports) made in one fixed window: kept in
/// the database so that every app node counts against the same limit.
/// </summary>
public sealed class RateLimitWindow
{
    public const int PartitionMaxLength = 200;

    /// <summary>Windows this old are deleted.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private RateLimitWindow()
    {
    }

    public string Partition { get; private set; } = "";
    public DateTimeOffset WindowStart { get; private set; }
    public int Taken { get; private set; }
}
