namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// Sends <see cref="OutgoingEmail"/> rows. Safe to run twice and on several job servers: a row is claimed by one atomic
/// update committed before the mail server is called (no transaction is held open meanwhile), skipped while sent or
/// freshly claimed, and marked sent after. A transport failure releases the claim and throws, so Hangfire retries with
/// back-off and shows the job as failed at the end.
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
        var now = clock.GetUtcNow();
        var stale = now - OutgoingEmail.ClaimTimeout;
        var emails = db.OutgoingEmails.Where(e => e.Id == outgoingEmailId);
        var claimed = await emails.Where(e => e.SentAt == null && (e.ClaimedAt == null || e.ClaimedAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedAt, now), cancellationToken);
        if (claimed == 0)
            return;

        var email = await emails.AsNoTracking().SingleAsync(cancellationToken);
        try
        {
            await transport.SendAsync(ToMime(email), cancellationToken);
        }
        catch
        {
            await emails.ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedAt, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }

        var sentAt = clock.GetUtcNow();
        await emails.ExecuteUpdateAsync(s => s.SetProperty(e => e.SentAt, sentAt), CancellationToken.None);
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
