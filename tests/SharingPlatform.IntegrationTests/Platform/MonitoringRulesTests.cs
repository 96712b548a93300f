using System.Diagnostics;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>deploy/prometheus, checked with Debian's promtool: the scrape configuration is valid and each alert fires on its series.</summary>
public sealed class MonitoringRulesTests
{
    [Theory]
    [InlineData("check", "config", "prometheus.yml")]
    [InlineData("test", "rules", "sharingplatform-alerts.test.yml")]
    public async Task Promtool_accepts_the_monitoring_set_up(string verb, string what, string file)
    {
        var start = new ProcessStartInfo("promtool", [verb, what, file])
        {
            WorkingDirectory = Path.Combine(BackupRestoreTests.RepositoryRoot(), "deploy", "prometheus"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var said = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, said);
        said.ShouldContain("SUCCESS");
    }
}
