using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web.Hosting;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>When the database goes away: no 500s, a 503 with Retry-After, nothing committed turned into an error, recovery by itself.</summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task While_the_database_is_unreachable_the_app_answers_503_with_Retry_After_and_recovers_by_itself()
    {
        await using var door = new DatabaseDoor(TestDatabase.ServerConnectionString);
        await using var app = new AppFactory(new AppFactory.Settings("outage", RunJobServer: false, ConnectThrough: door.Through));
        await app.StartAsync();
        using var client = app.NewClient();
        (await client.GetAsync($"/api/v1/resources?q={Guid.NewGuid():N}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        door.Shut();

        var api = await client.GetAsync($"/api/v1/resources?q={Guid.NewGuid():N}");
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        api.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        api.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await api.ProblemAsync()).GetProperty("detail").GetString().ShouldBe(Texts.Get("DatabaseUnavailable"));
        var page = await client.GetAsync($"/Resources?q={Guid.NewGuid():N}");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter.ShouldNotBeNull();
        (await page.Content.ReadAsStringAsync()).ShouldContain("잠시 이용할 수 없습니다");
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        door.Open();

        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 60 && recovered != HttpStatusCode.OK; i++)
        {
            recovered = (await client.GetAsync($"/api/v1/resources?q={Guid.NewGuid():N}")).StatusCode;
            if (recovered != HttpStatusCode.OK)
                await Task.Delay(250);
        }

        recovered.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_committed_decision_is_not_turned_into_an_error_when_its_email_job_cannot_be_enqueued()
    {
        await using var app = new AppFactory(new AppFactory.Settings("enqueue", RunJobServer: false,
            Services: services => services.AddSingleton<IBackgroundJobClient, UnreachableJobStorage>()));
        await app.StartAsync();
        using var owner = (await app.ResidentsAsync(1))[0];
        var organization = await owner.RegisterOrganizationAsync();
        using var admin = await app.AdministratorAsync();

        (await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organization}/verify", new { reason = (string?)null }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.QueryAsync(db => db.Organizations.Where(o => o.Id == organization).Select(o => o.Status).SingleAsync()))
            .ShouldBe(OrganizationStatus.Verified);
        var ownerEmail = await app.QueryAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == organization)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.Email!).SingleAsync());
        (await app.QueryAsync(db => db.OutgoingEmails.Where(e => e.To == ownerEmail).Select(e => e.SentAt).ToListAsync()))
            .ShouldHaveSingleItem().ShouldBeNull("left for the unsent-email sweep");
    }

    [Fact]
    public void A_deadlock_or_a_lost_connection_wrapped_by_EF_Core_is_still_recognized()
    {
        // What EF Core's execution strategy throws for a transient error: the DbUpdateException inside an InvalidOperationException.
        var deadlock = new InvalidOperationException("transient",
            new DbUpdateException("saving", new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)));
        var lostConnection = new InvalidOperationException("transient",
            new NpgsqlException("Exception while reading from stream", new IOException("connection reset")));

        PeriodTaken.Is(deadlock).ShouldBeTrue();
        ProblemDetailsSetup.ToProblem(deadlock).Status.ShouldBe(409);
        ProblemDetailsSetup.ToProblem(lostConnection).Status.ShouldBe(503);
        // What Npgsql throws while a standby is being promoted and no named host accepts writes yet.
        ProblemDetailsSetup.ToProblem(new InvalidOperationException("transient", new NpgsqlException("No suitable host was found."))).Status.ShouldBe(503);
        ProblemDetailsSetup.RetryAfter(lostConnection).ShouldBe(TimeSpan.FromSeconds(5));
        ProblemDetailsSetup.ToProblem(new InvalidOperationException("a bug")).Status.ShouldBe(500);
    }

    /// <summary>Hangfire's storage gone away just after the use case committed.</summary>
    private sealed class UnreachableJobStorage : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new NpgsqlException("the job storage cannot be reached");

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NpgsqlException("the job storage cannot be reached");
    }
}
