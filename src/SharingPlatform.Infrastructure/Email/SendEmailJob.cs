namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// Sends <see cref="OutgoingEmail"/> rows. Safe to run twice: each row is locked while it is sent and skipped once sent.
/// A transport failure throws, so Hangfire retries with back-off and shows the job as failed at the end.
/// </summary>
public sealed class SendEmailJob(
    ApplicationDbContext db, IMailTransport transport, IBackgroundJobClient jobs, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<SendEmailJob> logger)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task Run(Guid outgoingEmailId, CancellationToken cancellationToken) => await SendAsync(outgoingEmailId, cancellationToken);

    /// <summary>
    /// A burst of emails (e.g. a batch of reminders) in one job, because a Hangfire job costs milliseconds to enqueue. An
    /// email that fails gets a <see cref="Run"/> job of its own, retried with back-off like any other, and the rest go on.
    /// </summary>
    [AutomaticRetry(Attempts = 10)]
    public async Task RunMany(Guid[] outgoingEmailIds, CancellationToken cancellationToken)
    {
        foreach (var id in outgoingEmailIds)
        {
            try
            {
                await SendAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Email {OutgoingEmailId} failed; it is retried in a job of its own", id);
                jobs.Enqueue<SendEmailJob>(job => job.Run(id, CancellationToken.None));
            }
        }
    }

    private async Task SendAsync(Guid outgoingEmailId, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var email = await db.OutgoingEmails
                .FromSql($"SELECT * FROM outgoing_emails WHERE id = {outgoingEmailId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            if (email is null || email.IsSent)
                return;

            await transport.SendAsync(ToMime(email), cancellationToken);
            email.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private MimeMessage ToMime(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id}@{options.Value.FromAddress.Split('@')[1]}";
        message.Body = new TextPart("plain") { Text = email.TextBody };
        return message;
    }
}
