using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Once a minute, gives the system back memory the node holds but no longer uses.
/// <list type="bullet">
/// <item>Native memory (glibc's <c>malloc_trim</c>): glibc keeps what native code freed in its arenas (up to eight a
/// core) for reuse and returns only a free end of each, so after a burst of requests tens of MB sit free inside them.
/// On the bench data, after a load of searches and pages: RSS 372 → 304 MB after one call.</item>
/// <item>The managed heap: the garbage collector keeps the heap it grew to under load, and collects only when something
/// allocates, so a node that has gone quiet holds it for as long as it stays quiet. After a minute with less than
/// <see cref="QuietBytes"/> allocated, following at least <see cref="BusyBytes"/> since the last release, the node
/// collects once in the aggressive mode, which compacts and decommits all it can (in the bench: 59-82 → 39-50 MB committed,
/// a pause of 0.07-0.3 s). That pause falls in a quiet minute; a busy node never takes it.</item>
/// </list>
/// On a system without glibc (musl) only the managed heap is released.
/// </summary>
public sealed partial class MemoryRelease(ILogger<MemoryRelease> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>Allocated in a minute by a node that counts as quiet: health checks, metrics and job polling allocate far less.</summary>
    public const long QuietBytes = 64L << 20;

    /// <summary>Allocated since the last release by a node that has grown its heap for a load.</summary>
    public const long BusyBytes = 1L << 30;

    /// <summary>Returns freed native memory now; false where the C library has no <c>malloc_trim</c>.</summary>
    public static bool TrimNative()
    {
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Collects everything, compacts, and gives the garbage collector's free memory back to the system.</summary>
    public static void ReleaseManagedHeap() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
            return;
        var trimNative = true;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var allocatedAtRelease = allocatedBefore;
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var allocated = GC.GetTotalAllocatedBytes();
                if (allocated - allocatedBefore < QuietBytes && allocated - allocatedAtRelease > BusyBytes)
                {
                    // As of the last collection, which a quiet node made before it went quiet.
                    var committedBefore = GC.GetGCMemoryInfo().TotalCommittedBytes >> 20;
                    var started = Stopwatch.GetTimestamp();
                    ReleaseManagedHeap();
                    var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var committedAfter = GC.GetGCMemoryInfo().TotalCommittedBytes >> 20;
                    LogHeapReleased(logger, committedBefore, committedAfter, took);
                    allocated = allocatedAtRelease = GC.GetTotalAllocatedBytes();
                }

                allocatedBefore = allocated;
                if (trimNative)
                {
                    var started = Stopwatch.GetTimestamp();
                    trimNative = TrimNative();
                    var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (trimNative)
                        LogTrimmed(logger, took);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Freed native memory returned to the system in {Milliseconds} ms")]
    private static partial void LogTrimmed(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The node went quiet: managed heap released, {CommittedBeforeMb} MB committed before, {CommittedAfterMb} MB after, in {Milliseconds} ms")]
    private static partial void LogHeapReleased(ILogger logger, long committedBeforeMb, long committedAfterMb, double milliseconds);
}
