using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Labs;

/// <summary>An administrator hides a published lab, saying why.</summary>
public sealed record SuspendLab(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class SuspendLabValidator() : AdminDecisionValidator<SuspendLab>(reasonRequired: true);

public sealed class SuspendLabHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<SuspendLab>
{
    public async ValueTask<Unit> Handle(SuspendLab command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginLabDecisionAsync(command.Id, cancellationToken);
        var lab = await db.Labs.FindAsync([command.Id], cancellationToken) ?? throw LabAccess.NotFound();
        var before = lab.Status.AuditState();
        lab.Suspend(command.Reason!);
        await db.RecordAsync(notifier, adminId, "lab.suspend", "lab", lab.Id, command.Reason, lab.OrganizationId, NotificationKind.LabSuspended, LabNotices.LabLink(lab.Id),
            language => (Texts.Get(language, "Notice_LabSuspended_Title", lab.Name),
                Texts.Get(language, "Notice_LabSuspended_Body", lab.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, lab.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
