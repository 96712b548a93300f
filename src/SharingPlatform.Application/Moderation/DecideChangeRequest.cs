using SharingPlatform.Application.ChangeRequests;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Loans;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Moderation;

/// <summary>An administrator approves a change to a published resource or lab: its proposed content goes live.</summary>
public sealed record ApproveChangeRequest(Guid Id, string? Reason) : ICommand, IModerationDecision;

public sealed class ApproveChangeRequestValidator() : ModerationDecisionValidator<ApproveChangeRequest>(reasonRequired: false);

/// <summary>An administrator rejects a change, saying why: the approved version stays live and the members are told.</summary>
public sealed record RejectChangeRequest(Guid Id, string? Reason) : ICommand, IModerationDecision;

public sealed class RejectChangeRequestValidator() : ModerationDecisionValidator<RejectChangeRequest>(reasonRequired: true);

public sealed class ApproveChangeRequestHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ApproveChangeRequest>
{
    public async ValueTask<Unit> Handle(ApproveChangeRequest command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginChangeDecisionAsync(command.Id, cancellationToken);
        var request = await db.LoadChangeRequestAsync(command.Id, cancellationToken);
        request.Approve(adminId, command.Reason, now);
        string title;
        if (request.SubjectKind == ChangeSubjectKind.Resource)
        {
            var resource = await db.Resources.SingleAsync(r => r.Id == request.SubjectId, cancellationToken);
            if (resource.Status != ResourceStatus.Published)
                throw NotPublished();
            var input = ResourceChanges.InputFrom(request.ProposedContent);
            var lending = input.Lending?.ToLending();
            resource.Edit(input.ToDetails(), input.Policy.ToPolicy() with { ClosedDates = resource.Policy.ClosedDates }, now, lending);
            await db.RecountAsync(resource.Id, lending, SeoulTime.DateOf(now), cancellationToken);
            title = resource.Title;
        }
        else
        {
            var lab = await db.Labs.SingleAsync(l => l.Id == request.SubjectId, cancellationToken);
            if (lab.Status != LabStatus.Published)
                throw NotPublished();
            var input = LabChanges.InputFrom(request.ProposedContent);
            lab.Edit(input.ToDetails(), LabTimetable.Create((input.Timetable ?? []).Select(s => s.ToSlot()), lab.Timetable.ClosedDates), now);
            title = lab.Name;
        }

        var entry = AuditEntry.Record(adminId, AuditActions.ChangeRequestApprove, "change_request", request.Id, command.Reason, now,
            ChangeRequestStatus.Pending.AuditState(), request.Status.AuditState());
        await db.RecordAsync(notifier, entry, request.OrganizationId, NotificationKind.ChangeApproved, title, ChangeRequestDecisions.SubjectLink(request), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private static DomainRuleException NotPublished() => new("change_subject_not_published", Texts.Get("Rule_change_subject_not_published"));
}

public sealed class RejectChangeRequestHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RejectChangeRequest>
{
    public async ValueTask<Unit> Handle(RejectChangeRequest command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginChangeDecisionAsync(command.Id, cancellationToken);
        var request = await db.LoadChangeRequestAsync(command.Id, cancellationToken);
        request.Reject(adminId, command.Reason!, now);
        var title = request.SubjectKind == ChangeSubjectKind.Resource
            ? await db.Resources.Where(r => r.Id == request.SubjectId).Select(r => r.Title).SingleAsync(cancellationToken)
            : await db.Labs.Where(l => l.Id == request.SubjectId).Select(l => l.Name).SingleAsync(cancellationToken);
        var entry = AuditEntry.Record(adminId, AuditActions.ChangeRequestReject, "change_request", request.Id, command.Reason, now,
            ChangeRequestStatus.Pending.AuditState(), request.Status.AuditState());
        await db.RecordAsync(notifier, entry, request.OrganizationId, NotificationKind.ChangeRejected, title, ChangeRequestDecisions.SubjectLink(request), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

public static class ChangeRequestDecisions
{
    public static string SubjectLink(ChangeRequest request) =>
        request.SubjectKind == ChangeSubjectKind.Resource ? $"/Resources/Details/{request.SubjectId}" : LabNotices.LabLink(request.SubjectId);

    /// <summary>
    /// Begins a decision's transaction with the request's row locked (<c>FOR UPDATE</c>), then its subject's: administrators
    /// deciding at once decide one after the other, and the later ones find it decided (422 change_request_not_pending), so
    /// the change applies once, with one audit entry and one notification per member.
    /// </summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginChangeDecisionAsync(
        this IApplicationDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subject = await db.Database
            .SqlQuery<SubjectRow>($"SELECT subject_kind AS \"Kind\", subject_id AS \"Id\" FROM change_requests WHERE id = {requestId} FOR UPDATE")
            .ToListAsync(cancellationToken) is [var row] ? row : throw ChangeRequestAccess.NotFound();
        if (subject.Kind == nameof(ChangeSubjectKind.Resource))
            await db.LockResourceAsync(subject.Id, cancellationToken);
        else
            await db.LockLabAsync(subject.Id, cancellationToken);
        return transaction;
    }

    public static async Task<ChangeRequest> LoadChangeRequestAsync(this IApplicationDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        await db.ChangeRequests.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken) ?? throw ChangeRequestAccess.NotFound();

    internal sealed record SubjectRow(string Kind, Guid Id);
}
