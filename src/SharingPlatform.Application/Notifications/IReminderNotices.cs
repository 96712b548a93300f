namespace SharingPlatform.Application.Notifications;

/// <summary>What a due reminder says and links to.</summary>
public sealed record ReminderNotice(Func<Domain.Users.Language, NoticeText> Text, string Link);

/// <summary>
/// The words of the due reminders of some kinds (bookings; labs and circles add theirs): for each reminder whose subject
/// still calls for it, a <see cref="ReminderNotice"/>; the others are marked sent without a word.
/// </summary>
public interface IReminderNotices
{
    IReadOnlyCollection<NotificationKind> Kinds { get; }

    Task<IReadOnlyDictionary<Guid, ReminderNotice>> DraftAsync(IReadOnlyList<Reminder> due, CancellationToken cancellationToken);
}
