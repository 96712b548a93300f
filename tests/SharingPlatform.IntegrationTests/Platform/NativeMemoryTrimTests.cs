using System.Runtime.InteropServices;
using SharingPlatform.Web.Hosting;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Memory that native code freed inside glibc's arenas goes back to the system when the app trims, as it does each
/// minute (<see cref="NativeMemoryTrim"/>), and not before.
/// </summary>
public sealed class NativeMemoryTrimTests
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
            NativeMemoryTrim.Trim().ShouldBeTrue("glibc's malloc_trim was not found");
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

    private static long ResidentBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
