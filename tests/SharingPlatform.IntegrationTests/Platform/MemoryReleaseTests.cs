using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web.Hosting;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Memory the node no longer uses goes back to the system when it releases it (<see cref="MemoryRelease"/>, each
/// minute for native memory, after a busy stretch for the managed heap), and not before.
/// </summary>
/// <remarks>In the shared app's collection, so that no other test allocates while the heap is measured.</remarks>
[Collection(AppCollection.Name)]
public sealed class MemoryReleaseTests
{
    private const int Blocks = 200_000, BlockBytes = 1024, KeepEvery = 100;

    [Fact]
    public void Freed_native_memory_stays_with_the_process_until_the_app_trims()
    {
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockBytes);
            // Touched, so that each page is really the process's.
            Marshal.WriteByte(blocks[i], 1);
        }

        // Every hundredth block stays, so no free stretch is at the end of the heap, which glibc would return by itself.
        for (var i = 0; i < Blocks; i++)
        {
            if (i % KeepEvery != KeepEvery - 1)
                Marshal.FreeHGlobal(blocks[i]);
        }

        try
        {
            var beforeTrim = ResidentBytes();
            MemoryRelease.TrimNative().ShouldBeTrue("glibc's malloc_trim was not found");
            var afterTrim = ResidentBytes();

            (beforeTrim - afterTrim).ShouldBeGreaterThan(100L * 1024 * 1024,
                $"RSS went from {beforeTrim / 1048576} MB to {afterTrim / 1048576} MB; about 190 MB had been freed");
        }
        finally
        {
            for (var i = KeepEvery - 1; i < Blocks; i += KeepEvery)
                Marshal.FreeHGlobal(blocks[i]);
        }
    }

    /// <remarks>An ordinary full collection frees the arrays but keeps the memory: 309 MB committed before, 303 after.</remarks>
    [Fact]
    public void A_heap_grown_for_a_load_is_given_back_when_the_node_releases_it()
    {
        GrowTheHeap();
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        MemoryRelease.ReleaseManagedHeap();
        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;

        (before - after).ShouldBeGreaterThan(128L * 1024 * 1024,
            $"the garbage collector held {before / 1048576} MB before and {after / 1048576} MB after; 256 MB had been let go");
    }

    /// <summary>256 MB in arrays small enough for the ordinary heap, held until the last is allocated, as a load holds its requests' data.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GrowTheHeap()
    {
        var held = new List<byte[]>();
        for (var i = 0; i < 4096; i++)
            held.Add(new byte[64 * 1024]);
        GC.KeepAlive(held);
    }

    private static long ResidentBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
