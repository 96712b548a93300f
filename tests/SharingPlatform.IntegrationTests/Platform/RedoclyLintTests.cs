using System.Diagnostics;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// docs/openapi/v1.json (kept equal to the served document by OpenApiSnapshotTests) linted by Redocly's recommended
/// rules from npm: no error, and only the warnings the README's API section justifies.
/// </summary>
public sealed class RedoclyLintTests
{
    [Fact]
    public async Task The_contract_passes_the_recommended_rules_with_only_the_justified_warnings()
    {
        var start = new ProcessStartInfo("npx", ["--yes", "@redocly/cli@2.77.0", "lint", OpenApiSnapshotTests.SnapshotPath, "--format=summary"])
        {
            WorkingDirectory = BackupRestoreTests.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = await output + await errors;

        process.ExitCode.ShouldBe(0, said);
        said.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("warning ", StringComparison.Ordinal))
            .ShouldBe(["warning operation-4xx-response: 1"], said);
    }
}
