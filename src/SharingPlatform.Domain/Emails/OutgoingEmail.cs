namespace SharingPlatform.Domain.Emails;

/// <summary>
/// An email written in the same transaction as the change it tells of, then sent by a background job. The job claims the
/// row (<see cref="ClaimedAt"/>, committed on its own) before it talks to the mail server and skips a row that is sent or
/// freshly claimed, so a retry or a second job server never sends twice while the first is at it; a claim older than
/// <see cref="ClaimTimeout"/> (its sender died) may be taken over.
/// </summary>
public sealed class OutgoingEmail
{
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    private OutgoingEmail()
    {
    }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

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
