using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Moderation;

/// <summary>Every administrator decision names what it decides on and may say why (must, where the person affected needs to know).</summary>
public interface IModerationDecision
{
    Guid Id { get; }

    string? Reason { get; }
}

public abstract class ModerationDecisionValidator<T> : AbstractValidator<T>
    where T : IModerationDecision
{
    protected ModerationDecisionValidator(bool reasonRequired)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(1000);
        if (reasonRequired)
            RuleFor(c => c.Reason).NotEmpty();
    }
}

public static class ModerationRecords
{
    /// <summary>
    /// What every decision on an organization's listing does after the domain has allowed it: an audit entry and a notice
    /// to each member of the organization, in the same transaction as the change. The notice's words are the resources
    /// <c>Notice_{kind}_Title</c> and <c>Notice_{kind}_Body</c>, given the subject's name and the reason.
    /// </summary>
    public static async Task RecordAsync(
        this IApplicationDbContext db, Notifier notifier, AuditEntry entry, Guid organizationId, NotificationKind kind, string subjectName,
        string link, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(entry);
        var members = await notifier.MembersAsync(organizationId, cancellationToken);
        notifier.Notify(members, kind, entry.SubjectId, entry.At, language => new NoticeText(
                Texts.Get(language, $"Notice_{kind}_Title", subjectName),
                Texts.Get(language, $"Notice_{kind}_Body", subjectName, NoticeText.Reasoned(language, entry.Reason))),
            link, entry.At);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A status as the audit log's before and after show it: "PendingReview" → "pending_review".</summary>
    public static string AuditState(this Enum status) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
