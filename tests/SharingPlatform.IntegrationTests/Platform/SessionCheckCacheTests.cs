using System.Net;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Administration;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Each node keeps its answer to "is this session still good" in memory; a session ended anywhere (on another node,
/// or by hand in the database) is still refused here on its next requests.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionCheckCacheTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_session_ended_on_another_node_or_in_the_database_is_refused_on_this_one()
    {
        await using var otherNode = await _app.OtherNodeAsync("session-node");

        using var suspended = await _app.PersonAsync();
        await KnownHereAsync(suspended.Client);
        using var admin = await otherNode.AdministratorAsync();
        await admin.SuspendAsync(suspended.Id, "다른 노드에서 정지");
        await RefusedSoonAsync(suspended.Client, "suspended on another node");

        using var signedOut = await _app.PersonAsync();
        await KnownHereAsync(signedOut.Client);
        using var there = otherNode.NewClient();
        there.DefaultRequestHeaders.Authorization = signedOut.Client.DefaultRequestHeaders.Authorization;
        (await there.PostAsync("/api/v1/me/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RefusedSoonAsync(signedOut.Client, "signed out on another node");

        using var restamped = await _app.PersonAsync();
        await KnownHereAsync(restamped.Client);
        var stamp = Guid.NewGuid().ToString("N");
        await _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE users SET security_stamp = {stamp} WHERE id = {restamped.Id}"));
        await RefusedSoonAsync(restamped.Client, "a new security stamp written in the database");
    }

    private static async Task KnownHereAsync(HttpClient client)
    {
        for (var i = 0; i < 3; i++)
            (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The other node's change reaches this one through PostgreSQL within milliseconds; ten seconds is the limit.</summary>
    private static async Task RefusedSoonAsync(HttpClient client, string why)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/api/v1/me")).StatusCode) == HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        status.ShouldBe(HttpStatusCode.Unauthorized, why);
    }
}
