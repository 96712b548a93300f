using Microsoft.EntityFrameworkCore;
using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>The administrators' System page: what an operator checks first.</summary>
[Collection(AppCollection.Name)]
public sealed class SystemPageTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task An_administrator_sees_the_version_the_last_migration_the_queues_and_the_disk_left()
    {
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var page = WebUtility.HtmlDecode(await site.GetStringAsync("/Admin/System"));

        page.ShouldContain("시스템 상태");
        page.ShouldContain(await _app.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Last())));
        page.ShouldNotContain("아직 적용되지 않음");
        page.ShouldContain("보내지 않은 이메일");
        page.ShouldContain(" GB");
        page.ShouldContain("href=\"/admin/jobs\"");
    }
}
