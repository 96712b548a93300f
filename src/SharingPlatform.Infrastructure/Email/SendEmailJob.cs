using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SharingPlatform.Domain.Emails;
using SharingPlatform.Infrastructure.Data;

namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// Sends one <see cref="OutgoingEmail"/>. Safe to run twice: the row is locked while sending and skipped
/// once sent. A transport failure throws, so Hangfire retries with back-off and shows it as failed at the end.
/// </summary>
public sealed class SendEmailJob(ApplicationDbContext db, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task Run(Guid outgoingEmailId, CancellationToken cancellationToken)
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
