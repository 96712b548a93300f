using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Domain.Emails;
using SharingPlatform.Infrastructure.Email;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>
/// Email over real SMTP, in a second host whose <c>Smtp:*</c> points at a sink the test runs (or at a closed port). Like
/// every second host it has a pristine database and no Hangfire server of its own: the test runs
/// <see cref="SendEmailJob"/> as Hangfire runs it, or starts a worker-only Hangfire server over that host's own storage.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EmailDeliveryTests
{
    private const string Organization = "완주 로컬푸드 협동조합";

    private static async Task<AppFactory> SmtpHostAsync(string purpose, int port)
    {
        var app = new AppFactory(new AppFactory.Settings(purpose, RunJobServer: false, Overrides: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(),
            ["Smtp:Security"] = "None",
        }));
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A port nothing listens on: bound for a moment, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Something that tells a Korean-speaking person by email: an administrator verifies their organization.</summary>
    private static async Task<(Person Owner, Guid OrganizationId, Guid EmailId)> OrganizationVerifiedAsync(AppFactory app)
    {
        var owner = await app.PersonAsync(displayName: "김대표");
        var organizationId = await owner.Client.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: Organization));
        using var admin = await app.AdministratorAsync();
        await admin.VerifyAsync(organizationId);
        var emailId = await app.QueryAsync(db => db.OutgoingEmails.Where(e => e.To == owner.Email).Select(e => e.Id).SingleAsync());
        return (owner, organizationId, emailId);
    }

    /// <summary>What a Hangfire worker does with the job: a new scope of the host's container, the job resolved from it, run.</summary>
    private static async Task RunSendEmailJobAsync(AppFactory app, Guid emailId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendEmailJob>().Run(emailId, CancellationToken.None);
    }

    private static Task<DateTimeOffset?> SentAtAsync(AppFactory app, Guid emailId) =>
        app.QueryAsync(db => db.OutgoingEmails.Where(e => e.Id == emailId).Select(e => e.SentAt).SingleAsync());

    [Fact]
    public async Task An_email_goes_out_through_a_real_SMTP_conversation_in_Korean_once_whoever_claims_it_and_is_marked_sent()
    {
        await using var smtp = new SmtpSink();
        await using var app = await SmtpHostAsync("smtp", smtp.Port);
        var (owner, organizationId, emailId) = await OrganizationVerifiedAsync(app);
        using var _ = owner;
        (await SentAtAsync(app, emailId)).ShouldBeNull();
        Task ClaimedAgoAsync(TimeSpan ago) => app.QueryAsync(db => db.OutgoingEmails.Where(e => e.Id == emailId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedAt, app.Clock.GetUtcNow() - ago)));

        // Another sender claimed it a minute ago and is at it: this job leaves it alone.
        await ClaimedAgoAsync(TimeSpan.FromMinutes(1));
        await RunSendEmailJobAsync(app, emailId);
        smtp.Received.ShouldBeEmpty();

        // That sender died: once its claim is stale, two job servers pick the email at once and one of them sends it.
        await ClaimedAgoAsync(OutgoingEmail.ClaimTimeout + TimeSpan.FromMinutes(1));
        await Task.WhenAll(RunSendEmailJobAsync(app, emailId), RunSendEmailJobAsync(app, emailId));

        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.MailFrom.ShouldBe("no-reply@sharing.jeonbuk.example");
        mail.RcptTo.ShouldBe([owner.Email]);
        var message = mail.Message();
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(owner.Email);
        message.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("전북 공유경제 플랫폼");
        message.Subject.ShouldBe($"[공유경제 플랫폼] {Organization} 단체 인증 완료");
        message.MessageId.ShouldBe($"{emailId}@sharing.jeonbuk.example");
        var body = message.TextBody.ShouldNotBeNull();
        body.ShouldStartWith("김대표님, 안녕하세요.");
        body.ShouldContain($"{Organization} 단체가 인증되었습니다. 이제 공유자원을 등록하고 공개할 수 있습니다.");
        var told = (await owner.NotificationsAsync("organizationVerified", organizationId)).ShouldHaveSingleItem();
        body.ShouldContain($"http://127.0.0.1:5000{told.Link()}");
        body.ShouldContain("받을 이메일 알림 설정: http://127.0.0.1:5000/Account/Notifications");
        (await SentAtAsync(app, emailId)).ShouldNotBeNull();

        // A job may run twice (a retry after a lost acknowledgement): the sent email does not go out again.
        await RunSendEmailJobAsync(app, emailId);
        smtp.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task When_the_SMTP_server_is_unreachable_the_job_fails_for_a_retry_and_the_email_stays_unsent_while_the_inbox_has_the_news()
    {
        await using var app = await SmtpHostAsync("smtp_refused", ClosedPort());
        var (owner, organizationId, emailId) = await OrganizationVerifiedAsync(app);
        using var _ = owner;

        await Should.ThrowAsync<Exception>(() => RunSendEmailJobAsync(app, emailId));

        (await SentAtAsync(app, emailId)).ShouldBeNull();
        (await app.QueryAsync(db => db.OutgoingEmails.Where(e => e.Id == emailId).Select(e => e.ClaimedAt).SingleAsync()))
            .ShouldBeNull("a failed send lets go of its claim, so the retry may send at once");
        (await owner.NotificationsAsync("organizationVerified", organizationId)).ShouldHaveSingleItem();
        var retry = typeof(SendEmailJob).GetMethod(nameof(SendEmailJob.Run))!.GetCustomAttribute<AutomaticRetryAttribute>().ShouldNotBeNull();
        retry.Attempts.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_burst_of_emails_goes_out_over_one_SMTP_connection_each_to_its_recipient()
    {
        await using var smtp = new SmtpSink();
        await using var app = await SmtpHostAsync("smtp_one_connection", smtp.Port);
        var sent = new List<(Person Owner, Guid EmailId)>();
        for (var i = 0; i < 3; i++)
        {
            var (owner, _, emailId) = await OrganizationVerifiedAsync(app);
            sent.Add((owner, emailId));
        }

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendEmailJob>().RunMany([.. sent.Select(s => s.EmailId)], CancellationToken.None);

        smtp.Received.Select(m => m.RcptTo.ShouldHaveSingleItem()).ShouldBe(sent.Select(s => s.Owner.Email), ignoreOrder: true);
        smtp.Connections.ShouldBe(1);
        foreach (var (owner, emailId) in sent)
        {
            (await SentAtAsync(app, emailId)).ShouldNotBeNull();
            owner.Dispose();
        }
    }

    [Fact]
    public async Task In_a_burst_each_email_the_SMTP_server_refused_gets_a_retried_job_of_its_own()
    {
        await using var app = await SmtpHostAsync("smtp_burst", ClosedPort());
        var storage = app.Services.GetRequiredService<JobStorage>();
        var (first, _, firstEmail) = await OrganizationVerifiedAsync(app);
        using var a = first;
        (await SendJobsOfAsync(storage, firstEmail)).ShouldHaveSingleItem();
        var (second, _, secondEmail) = await OrganizationVerifiedAsync(app);
        using var b = second;
        (await SendJobsOfAsync(storage, secondEmail)).ShouldHaveSingleItem();

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendEmailJob>().RunMany([firstEmail, secondEmail], CancellationToken.None);

        (await SentAtAsync(app, firstEmail)).ShouldBeNull();
        (await SentAtAsync(app, secondEmail)).ShouldBeNull();
        var single = storage.GetMonitoringApi().EnqueuedJobs(EnqueuedState.DefaultQueue, 0, 100)
            .Where(j => j.Value.Job?.Method.Name == nameof(SendEmailJob.Run))
            .Select(j => (Guid)j.Value.Job!.Args[0])
            .ToList();
        // One job each from the commit that wrote it, and one each from the burst that could not send it.
        single.Count(id => id == firstEmail).ShouldBe(2);
        single.Count(id => id == secondEmail).ShouldBe(2);
    }

    [Fact]
    public async Task A_real_Hangfire_server_schedules_an_email_the_SMTP_server_refused_for_a_retry()
    {
        await using var app = await SmtpHostAsync("smtp_retry", ClosedPort());
        var (owner, organizationId, emailId) = await OrganizationVerifiedAsync(app);
        using var _ = owner;
        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var jobId = (await SendJobsOfAsync(storage, emailId)).ShouldHaveSingleItem().Key;

        // A worker-only server (no schedulers) over this host's own storage, resolving jobs from this host's container;
        // the shared host's server and Hangfire's process-wide JobStorage.Current/JobActivator.Current are left alone.
        using (new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = $"notification-tests-{Guid.NewGuid():N}",
                WorkerCount = 1,
                Queues = [EnqueuedState.DefaultQueue],
                IsLightweightServer = true,
                Activator = new AspNetCoreJobActivator(app.Services.GetRequiredService<IServiceScopeFactory>()),
            },
            storage))
        {
            await WaitForStateAsync(storage, jobId, ScheduledState.StateName, TimeSpan.FromSeconds(120));
        }

        using (var connection = storage.GetConnection())
            connection.GetJobParameter(jobId, "RetryCount").ShouldBe("1");
        var history = monitoring.JobDetails(jobId).History;
        history.ShouldContain(h => h.StateName == ProcessingState.StateName);
        history.ShouldContain(h => h.StateName == ScheduledState.StateName && h.Reason.StartsWith("Retry attempt 1 of 10", StringComparison.Ordinal));
        (await SentAtAsync(app, emailId)).ShouldBeNull();
        (await owner.NotificationsAsync("organizationVerified", organizationId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Emails_committed_together_go_in_one_send_job_and_a_lone_email_in_a_job_of_its_own()
    {
        await using var app = new AppFactory(new AppFactory.Settings("email_gather", RunJobServer: false, Overrides: new Dictionary<string, string?>
        {
            ["Mail:GatherMilliseconds"] = "3000",
        }));
        await app.StartAsync();
        var storage = app.Services.GetRequiredService<JobStorage>();
        var owners = new List<Person>();
        var organizationIds = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var owner = await app.PersonAsync();
            owners.Add(owner);
            organizationIds.Add(await owner.Client.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: Organization)));
        }

        using var admin = await app.AdministratorAsync();
        await Task.WhenAll(organizationIds.Take(3).Select(id => admin.VerifyAsync(id)));
        var together = await EmailsToAsync(app, owners.Take(3));
        var jobs = await Task.WhenAll(together.Select(id => SendJobsOfAsync(storage, id)));
        var job = jobs[0].ShouldHaveSingleItem();
        job.Value.Job.Method.Name.ShouldBe(nameof(SendEmailJob.RunMany));
        ((Guid[])job.Value.Job.Args[0]).ShouldBe(together, ignoreOrder: true);
        jobs.ShouldAllBe(j => j.Count == 1 && j[0].Key == job.Key);

        await admin.VerifyAsync(organizationIds[3]);
        var lone = (await EmailsToAsync(app, owners.Skip(3))).ShouldHaveSingleItem();
        var own = (await SendJobsOfAsync(storage, lone)).ShouldHaveSingleItem();
        own.Value.Job.Method.Name.ShouldBe(nameof(SendEmailJob.Run));
        own.Value.Job.Args[0].ShouldBe(lone);
        foreach (var owner in owners)
            owner.Dispose();
    }

    private static Task<List<Guid>> EmailsToAsync(AppFactory app, IEnumerable<Person> people)
    {
        var addresses = people.Select(p => p.Email).ToList();
        return app.QueryAsync(db => db.OutgoingEmails.Where(e => addresses.Contains(e.To)).Select(e => e.Id).ToListAsync());
    }

    /// <summary>The enqueued send jobs that hold the email, once its node's EmailSendQueue has gathered and enqueued it.</summary>
    private static async Task<List<KeyValuePair<string, EnqueuedJobDto>>> SendJobsOfAsync(JobStorage storage, Guid emailId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var jobs = storage.GetMonitoringApi().EnqueuedJobs(EnqueuedState.DefaultQueue, 0, 1000)
                .Where(j => j.Value.Job?.Args is [Guid id, ..] && id == emailId || j.Value.Job?.Args is [Guid[] ids, ..] && ids.Contains(emailId))
                .ToList();
            if (jobs.Count > 0 || DateTime.UtcNow > deadline)
                return jobs;
            await Task.Delay(50);
        }
    }

    private static async Task WaitForStateAsync(JobStorage storage, string jobId, string state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            string? current;
            using (var connection = storage.GetConnection())
                current = connection.GetStateData(jobId)?.Name;
            if (current == state)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Job {jobId} is {current}, not {state}, after {timeout}.");
            await Task.Delay(200);
        }
    }
}
