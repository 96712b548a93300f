using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Labs;

/// <summary>An administrator approves a lab under review: it is published.</summary>
public sealed record ApproveLab(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class ApproveLabValidator() : AdminDecisionValidator<ApproveLab>(reasonRequired: false);

public sealed class ApproveLabHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ApproveLab>
{
    public async ValueTask<Unit> Handle(ApproveLab command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginLabDecisionAsync(command.Id, cancellationToken);
        var lab = await db.Labs.FindAsync([command.Id], cancellationToken) ?? throw LabAccess.NotFound();
        var before = lab.Status.AuditState();
        lab.Approve();
        await db.RecordAsync(notifier, adminId, "lab.approve", "lab", lab.Id, command.Reason, lab.OrganizationId, NotificationKind.LabApproved, LabNotices.LabLink(lab.Id),
            language => (Texts.Get(language, "Notice_LabApproved_Title", lab.Name),
                Texts.Get(language, "Notice_LabApproved_Body", lab.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, lab.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
