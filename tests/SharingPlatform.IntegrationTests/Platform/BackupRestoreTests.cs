using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using SharingPlatform.IntegrationTests.Administration;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// The restore drill: data made through the API, scripts/backup.sh, then scripts/restore.sh onto an empty database and
/// uploads directory, and a new host started on them finds the same booking, photo and audit log.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BackupRestoreTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_backup_restored_onto_an_empty_server_holds_the_same_bookings_photos_and_audit_log()
    {
        using var organization = await _app.VerifiedOrganizationAsync("백업 확인 협동조합");
        var resource = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, title: "백업 회의실"));
        var photoUrl = (await organization.Owner.PostAsync($"/api/v1/resources/{resource}/photos", MatrixWorld.Png()).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("photos").EnumerateArray().Last().GetProperty("url").GetString()!;
        var photo = await organization.Owner.GetByteArrayAsync(photoUrl);
        var bookerEmail = ApiClient.NewEmail("backup");
        using var booker = await _app.SignedInResidentAsync(bookerEmail);
        var start = BookingClient.Next(DayOfWeek.Thursday, 10, daysAhead: 5);
        var booking = await booker.BookedAsync(resource, start, start.AddHours(1));

        var backups = Directory.CreateTempSubdirectory("sp-backups-");
        var restoredUploads = Path.Combine(Path.GetTempPath(), $"sp-restored-uploads-{Guid.NewGuid():N}");
        var restored = await TestDatabase.CreateEmptyAsync("restored");
        try
        {
            await RunAsync("backup.sh", [], _app.ConnectionString, _app.UploadsDirectory, backups.FullName);
            var backup = backups.GetDirectories().ShouldHaveSingleItem();
            await RunAsync("restore.sh", [backup.FullName], restored, restoredUploads, backups.FullName);
            (await RunAsync("restore.sh", [backup.FullName], restored, restoredUploads, backups.FullName, expectSuccess: false))
                .ShouldContain("is not empty");

            await using var server = new AppFactory(new AppFactory.Settings("restoredhost", RunJobServer: false,
                Overrides: new Dictionary<string, string?> { ["ConnectionStrings:Default"] = restored, ["Uploads:Directory"] = restoredUploads }));
            await server.StartAsync();
            using var client = server.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.LoginAsync(bookerEmail, ApiClient.Password));
            var seen = await client.GetAsync($"/api/v1/bookings/{booking}").ExpectAsync(HttpStatusCode.OK);
            seen.GetProperty("resourceId").GetGuid().ShouldBe(resource);
            seen.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(start);
            (await client.GetByteArrayAsync(photoUrl)).ShouldBe(photo);
            using var admin = await server.AdministratorAsync();
            var audit = await admin.GetAsync($"/api/v1/admin/audit?subjectId={organization.Id}").ExpectAsync(HttpStatusCode.OK);
            audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("organization.verify");
        }
        finally
        {
            await TestDatabase.DropAsync(restored);
            backups.Delete(recursive: true);
            if (Directory.Exists(restoredUploads))
                Directory.Delete(restoredUploads, recursive: true);
        }
    }

    private static async Task<string> RunAsync(
        string script, string[] arguments, string connectionString, string uploads, string backups, bool expectSuccess = true)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Uploads__Directory"] = uploads;
        start.Environment["BACKUP_DIRECTORY"] = backups;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = await output + await errors;
        (process.ExitCode == 0).ShouldBe(expectSuccess, said);
        return said;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "backup.sh")))
                return directory.FullName;
        }

        throw new InvalidOperationException("scripts/backup.sh is not above " + AppContext.BaseDirectory);
    }
}
