namespace SharingPlatform.Domain.Emails;

/// <summary>
/// An email written in the same transaction as the change it tells of, then sent by a background job.
/// The job re-reads it and skips it once <see cref="SentAt"/> is set, so a retry never sends twice.
/// </summary>
public sealed class OutgoingEmail
{
    private OutgoingEmail()
    {
    }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static OutgoingEmail Write(string to, string subject, string textBody, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        To = to,
        Subject = subject,
        TextBody = textBody,
        CreatedAt = now.ToUniversalTime(),
    };

    public bool IsSent => SentAt is not null;

    public void MarkSent(DateTimeOffset now) => SentAt ??= now.ToUniversalTime();
}
