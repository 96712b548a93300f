namespace SharingPlatform.Application.Administration;

/// <summary>
/// For administrators: the version and start of this node, the database's migrations (applied, and any not yet), the
/// email outbox (waiting, and the age of the oldest), reminders due and not sent (and how late the oldest is), failed
/// background jobs, and the disk space left for uploads.
/// </summary>
public sealed record GetSystemStatus : IQuery<SystemStatus>;

public sealed record SystemStatus(
    string Version, DateTimeOffset StartedAt, string? LastMigration, IReadOnlyList<string> PendingMigrations,
    int EmailsWaiting, TimeSpan? OldestEmailWaiting, int RemindersDue, TimeSpan? OldestReminderLate, long FailedJobs, long? UploadsFreeBytes);

public sealed class GetSystemStatusHandler(IApplicationDbContext db, ICurrentUser currentUser, ISystemProbe probe, TimeProvider clock)
    : IQueryHandler<GetSystemStatus, SystemStatus>
{
    public async ValueTask<SystemStatus> Handle(GetSystemStatus query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        var (applied, pending) = await probe.MigrationsAsync(cancellationToken);
        var waiting = db.OutgoingEmails.Where(e => e.SentAt == null);
        var oldestEmail = await waiting.OrderBy(e => e.CreatedAt).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var due = db.Reminders.Where(r => r.SentAt == null && r.DueAt <= now);
        var oldestReminder = await due.OrderBy(r => r.DueAt).Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync(cancellationToken);
        return new SystemStatus(probe.Version, probe.StartedAt, applied.Count > 0 ? applied[^1] : null, pending,
            await waiting.CountAsync(cancellationToken), now - oldestEmail, await due.CountAsync(cancellationToken), now - oldestReminder,
            probe.FailedJobs(), probe.UploadsFreeBytes());
    }
}
