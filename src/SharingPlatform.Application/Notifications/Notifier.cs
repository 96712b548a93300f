namespace SharingPlatform.Application.Notifications;

/// <summary>Someone a notification goes to, with what decides how: their language and the kinds they read without email.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, Language Language, List<NotificationKind> EmailsOff);

/// <summary>A notification's words in one language.</summary>
public sealed record NoticeText(string Title, string Body)
{
    /// <summary>"\n\nReason: …" (in the recipient's language) to end a body with, or nothing when no reason was given.</summary>
    public static string Reasoned(Language language, string? reason) => string.IsNullOrWhiteSpace(reason)
        ? ""
        : Texts.Get(language, "NoticeReason", reason);
}

/// <summary>
/// Writes notifications and reminders into the caller's unit of work, so they commit (or not) with the change they tell
/// of. Each notification lands in the inbox and, unless the recipient turned its kind off, as an email: an
/// <see cref="OutgoingEmail"/> row that is sent by its own retried job once the transaction commits.
/// </summary>
public sealed class Notifier(IApplicationDbContext db, IAppLinks links)
{
    public async Task<IReadOnlyList<Recipient>> PeopleAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage, u.EmailsOff))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Recipient>> MembersAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage, u.EmailsOff))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Recipient>> AdministratorsAsync(CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage, u.EmailsOff))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// One notification about <paramref name="subjectId"/> to each recipient, in their language. <paramref name="dueAt"/>
    /// is the moment of the news (or the reminder's due time): with the recipient, kind and subject it makes the
    /// notification unique.
    /// </summary>
    public void Notify(
        IEnumerable<Recipient> recipients, NotificationKind kind, Guid subjectId, DateTimeOffset dueAt, Func<Language, NoticeText> text,
        string link, DateTimeOffset now)
    {
        foreach (var recipient in recipients)
        {
            var words = text(recipient.Language);
            var notification = Notification.Write(recipient.Id, recipient.Language, kind, subjectId, dueAt, words.Title, words.Body, link, now);
            db.Notifications.Add(notification);
            if (!recipient.EmailsOff.Contains(kind))
                db.OutgoingEmails.Add(Email(recipient, words, link, now));
        }
    }

    public void Schedule(Guid recipientId, NotificationKind kind, Guid subjectId, DateTimeOffset dueAt, DateTimeOffset now) =>
        db.Reminders.Add(Reminder.Schedule(recipientId, kind, subjectId, dueAt, now));

    /// <summary>Removes the reminders of these subjects that are not sent yet (of the given kinds, or all).</summary>
    public async Task UnscheduleAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken, params NotificationKind[] kinds)
    {
        var pending = await db.Reminders
            .Where(r => subjectIds.Contains(r.SubjectId) && r.SentAt == null && (kinds.Length == 0 || kinds.Contains(r.Kind)))
            .ToListAsync(cancellationToken);
        db.Reminders.RemoveRange(pending);
    }

    private OutgoingEmail Email(Recipient recipient, NoticeText words, string link, DateTimeOffset now)
    {
        var url = links.To(link);
        var settings = links.To("/Account/Notifications");
        return OutgoingEmail.Write(recipient.Email, Texts.Get(recipient.Language, "Email_Notice_Subject", words.Title),
                Texts.Get(recipient.Language, "Email_Notice_Body", recipient.DisplayName, words.Body, url, settings), now);
    }
}
