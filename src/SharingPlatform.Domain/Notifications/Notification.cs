using SharingPlatform.Domain.Users;

namespace SharingPlatform.Domain.Notifications;

/// <summary>
/// A message in a person's in-app inbox, written in their language when it happened, linking to what it is about.
/// (<see cref="RecipientId"/>, <see cref="Kind"/>, <see cref="SubjectId"/>, <see cref="DueAt"/>) is unique: the same
/// reminder or news is never delivered twice. <see cref="DueAt"/> is the reminder's due time, or the moment of the news.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;
    public const int LinkMaxLength = 300;

    private Notification()
    {
    }

    public Guid Id { get; private set; }
    public Guid RecipientId { get; private set; }

    /// <summary>The language it is written in: the recipient's preferred language when it was written.</summary>
    public Language Language { get; private set; }

    public NotificationKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>The site path of what it is about, e.g. <c>/Bookings/Details/{id}</c>.</summary>
    public string Link { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Write(
        Guid recipientId, Language language, NotificationKind kind, Guid subjectId, DateTimeOffset dueAt, string title, string body, string link, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RecipientId = recipientId,
        Language = language,
        Kind = kind,
        SubjectId = subjectId,
        DueAt = dueAt.ToUniversalTime(),
        Title = Shorten(title, TitleMaxLength),
        Body = Shorten(body, BodyMaxLength),
        Link = link,
        CreatedAt = now.ToUniversalTime(),
    };

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now.ToUniversalTime();

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
