using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Audit;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Administration;

/// <summary>Every administrator decision takes a reason (required where the person affected needs one).</summary>
public interface IAdminDecision
{
    Guid Id { get; }
    string? Reason { get; }
}

public abstract class AdminDecisionValidator<T> : AbstractValidator<T>
    where T : IAdminDecision
{
    protected AdminDecisionValidator(bool reasonRequired)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(1000);
        if (reasonRequired)
            RuleFor(c => c.Reason).NotEmpty();
    }
}

/// <summary>
/// What every administrator decision does after the domain has allowed it: an audit entry and a notification to each member
/// of the organization concerned, in the same transaction as the change.
/// </summary>
public static class AdminDecisions
{
    public static async Task RecordAsync(
        this IApplicationDbContext db, Notifier notifier, Guid adminId, string action, string subjectType, Guid subjectId, string? reason,
        Guid organizationId, NotificationKind kind, string link, Func<Language, (string Subject, string Body)> tell, DateTimeOffset now,
        CancellationToken cancellationToken, string? before = null, string? after = null)
    {
        db.AuditEntries.Add(AuditEntry.Record(adminId, action, subjectType, subjectId, reason, now, before, after));
        var members = await notifier.MembersAsync(organizationId, cancellationToken);
        notifier.Notify(members, kind, subjectId, now, language =>
        {
            var (title, body) = tell(language);
            return new NoticeText(title, body);
        }, link, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A status as the audit log's before and after show it: "PendingReview" → "pending_review".</summary>
    public static string AuditState(this Enum status) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>
    /// Begins a decision's transaction with the organization's row locked: administrators deciding at once decide one
    /// after the other, and the later ones see the earlier outcome (the domain refuses them), so there is one decision,
    /// one audit entry and one notification per member. Commit after <see cref="RecordAsync"/>.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginOrganizationDecisionAsync(this IApplicationDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockOrganizationAsync(organizationId, cancellationToken);
        return transaction;
    }

    /// <summary>As <see cref="BeginOrganizationDecisionAsync"/>, for a resource.</summary>
    public static async Task<IDbContextTransaction> BeginResourceDecisionAsync(this IApplicationDbContext db, Guid resourceId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockResourceAsync(resourceId, cancellationToken);
        return transaction;
    }
}
