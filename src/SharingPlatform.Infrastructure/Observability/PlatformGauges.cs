namespace SharingPlatform.Infrastructure.Observability;

/// <summary>
/// What the platform owes and has not done yet, sampled from the database every <see cref="Every"/> (a scrape only
/// reads the last sample): emails written and not sent and the age of the oldest, reminders due and not sent and how
/// late the oldest is, how long the oldest job has waited in Hangfire's queue (background work that stopped moving, for
/// instance after a database restart), and Hangfire's failed jobs. The alert rules in deploy/prometheus watch these.
/// </summary>
public sealed partial class PlatformGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlatformGauges> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    // One set of gauges in the process, on the platform's meter, reading the last sample (one host per process in
    // production; the tests' hosts share them).
    private static long _outboxDepth;
    private static double _outboxOldestSeconds;
    private static long _remindersDue;
    private static double _reminderLagSeconds;
    private static long _failedJobs;
    private static double _queueOldestSeconds;

    static PlatformGauges()
    {
        var meter = PlatformMeter.Meter;
        meter.CreateObservableGauge("sharingplatform.outbox.depth", () => Volatile.Read(ref _outboxDepth), "{email}", "Emails written and not sent yet.");
        meter.CreateObservableGauge("sharingplatform.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestSeconds), "s", "Age of the oldest email not sent yet.");
        meter.CreateObservableGauge("sharingplatform.reminders.due", () => Volatile.Read(ref _remindersDue), "{reminder}", "Reminders due and not sent yet.");
        meter.CreateObservableGauge("sharingplatform.reminders.lag", () => Volatile.Read(ref _reminderLagSeconds), "s", "How late the oldest due reminder is.");
        meter.CreateObservableGauge("sharingplatform.jobs.queue_oldest_age", () => Volatile.Read(ref _queueOldestSeconds), "s",
            "How long the oldest job waiting in Hangfire's queue has waited: background work that stopped moving.");
        meter.CreateObservableGauge("sharingplatform.jobs.failed", () => Volatile.Read(ref _failedJobs), "{job}", "Background jobs that failed and were not retried successfully.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSampleFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var now = clock.GetUtcNow();
        var outbox = await db.OutgoingEmails.Where(e => e.SentAt == null)
            .GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Oldest = g.Min(e => e.CreatedAt) }).SingleOrDefaultAsync(cancellationToken);
        var reminders = await db.Reminders.Where(r => r.SentAt == null && r.DueAt <= now)
            .GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Oldest = g.Min(r => r.DueAt) }).SingleOrDefaultAsync(cancellationToken);
        Volatile.Write(ref _outboxDepth, outbox?.Count ?? 0);
        Volatile.Write(ref _outboxOldestSeconds, outbox is null ? 0 : (now - outbox.Oldest).TotalSeconds);
        Volatile.Write(ref _remindersDue, reminders?.Count ?? 0);
        Volatile.Write(ref _reminderLagSeconds, reminders is null ? 0 : (now - reminders.Oldest).TotalSeconds);
        var queueOldest = (await db.Database.SqlQuery<double?>($"""
            SELECT extract(epoch FROM now() - min(j.createdat))::float8 AS "Value"
            FROM hangfire.jobqueue q JOIN hangfire.job j ON j.id = q.jobid
            WHERE q.fetchedat IS NULL
            """).ToListAsync(cancellationToken)).SingleOrDefault();
        Volatile.Write(ref _queueOldestSeconds, Math.Max(0, queueOldest ?? 0));
        Volatile.Write(ref _failedJobs, scope.ServiceProvider.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the platform's gauges failed")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
