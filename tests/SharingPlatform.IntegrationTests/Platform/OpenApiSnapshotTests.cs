using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// docs/openapi/v1.json is the contract integrators and the generated client (ApiClient/Generated) are built from: it
/// must be what the app serves. <c>scripts/openapi-snapshot.sh</c> rewrites it and regenerates the client.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiSnapshotTests(SharedApp shared)
{
    public const string SnapshotPath = "docs/openapi/v1.json";

    /// <summary>Set to 1 to write the served document over the snapshot instead of comparing them.</summary>
    public const string UpdateVariable = "SHARINGPLATFORM_UPDATE_OPENAPI";

    /// <summary>Stands for App:BaseUrl, which differs between machines, in the servers and the contact.</summary>
    public const string ServerPlaceholder = "https://sharing.example";

    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_committed_snapshot_is_the_served_document()
    {
        using var client = _app.NewClient();
        var served = Normalise(await client.GetStringAsync("/openapi/v1.json"));
        var file = Path.Combine(BackupRestoreTests.RepositoryRoot(), SnapshotPath);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, served);
            return;
        }

        var committed = File.Exists(file) ? (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n") : "";
        if (committed == served)
            return;
        var (line, expected, actual) = FirstDifference(committed, served);
        Assert.Fail($"{SnapshotPath} is not the document the app serves (first difference at line {line}: the snapshot has `{expected}`, the app `{actual}`). "
            + $"If the change is intended, run scripts/openapi-snapshot.sh: it rewrites the snapshot (this test with {UpdateVariable}=1) "
            + "and regenerates the client in tests/SharingPlatform.IntegrationTests/ApiClient/Generated; commit both.");
    }

    /// <summary>Indented, with Korean kept readable, and the machine's own base URL replaced by a placeholder.</summary>
    public static string Normalise(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        foreach (var server in root["servers"]?.AsArray() ?? [])
            server!["url"] = ServerPlaceholder;
        if (root["info"]?["contact"] is JsonObject contact && contact.ContainsKey("url"))
            contact["url"] = ServerPlaceholder;
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static (int Line, string Expected, string Actual) FirstDifference(string expected, string actual)
    {
        var (left, right) = (expected.Split('\n'), actual.Split('\n'));
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
            line++;
        return (line + 1, line < left.Length ? left[line].Trim() : "(end)", line < right.Length ? right[line].Trim() : "(end)");
    }
}
