namespace SharingPlatform.Domain.Notifications;

/// <summary>
/// A notification due later, kept as data: the transaction that creates, moves or cancels what it reminds of writes,
/// moves or deletes it, so it never disagrees with its subject. The dispatcher turns a due reminder into a
/// <see cref="Notification"/> and marks it sent in one transaction. (<see cref="RecipientId"/>, <see cref="Kind"/>,
/// <see cref="SubjectId"/>, <see cref="DueAt"/>) is unique.
/// </summary>
public sealed class Reminder
{
    private Reminder()
    {
    }

    public Guid Id { get; private set; }
    public Guid RecipientId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static Reminder Schedule(Guid recipientId, NotificationKind kind, Guid subjectId, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RecipientId = recipientId,
        Kind = kind,
        SubjectId = subjectId,
        DueAt = dueAt.ToUniversalTime(),
    };

    public void MarkSent(DateTimeOffset now) => SentAt ??= now.ToUniversalTime();
}
