using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Labs;

/// <summary>An administrator rejects a lab under review, saying why; its organization may edit it and submit again.</summary>
public sealed record RejectLab(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RejectLabValidator() : AdminDecisionValidator<RejectLab>(reasonRequired: true);

public sealed class RejectLabHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RejectLab>
{
    public async ValueTask<Unit> Handle(RejectLab command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginLabDecisionAsync(command.Id, cancellationToken);
        var lab = await db.Labs.FindAsync([command.Id], cancellationToken) ?? throw LabAccess.NotFound();
        var before = lab.Status.AuditState();
        lab.Reject(command.Reason!);
        await db.RecordAsync(notifier, adminId, "lab.reject", "lab", lab.Id, command.Reason, lab.OrganizationId, NotificationKind.LabRejected, LabNotices.LabLink(lab.Id),
            language => (Texts.Get(language, "Notice_LabRejected_Title", lab.Name),
                Texts.Get(language, "Notice_LabRejected_Body", lab.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, lab.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
