namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// The safety net of the outbox: an email whose send job was never enqueued (the process stopped between the commit and
/// the enqueue) is picked up here a few minutes later. Sending twice is impossible: <see cref="SendEmailJob"/> skips sent rows.
/// </summary>
public sealed class SendUnsentEmailsJob(ApplicationDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "emails:send-unsent";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task Run(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = now.AddMinutes(-5);
        var staleClaim = now - OutgoingEmail.ClaimTimeout;
        var ids = await db.OutgoingEmails
            .Where(e => e.SentAt == null && e.CreatedAt < stale && (e.ClaimedAt == null || e.ClaimedAt < staleClaim))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
            jobs.Enqueue<SendEmailJob>(job => job.Run(id, CancellationToken.None));
    }
}
