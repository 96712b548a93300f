using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Labs;

/// <summary>An administrator makes a suspended lab public again.</summary>
public sealed record RestoreLab(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RestoreLabValidator() : AdminDecisionValidator<RestoreLab>(reasonRequired: false);

public sealed class RestoreLabHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RestoreLab>
{
    public async ValueTask<Unit> Handle(RestoreLab command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginLabDecisionAsync(command.Id, cancellationToken);
        var lab = await db.Labs.FindAsync([command.Id], cancellationToken) ?? throw LabAccess.NotFound();
        var before = lab.Status.AuditState();
        lab.Restore();
        await db.RecordAsync(notifier, adminId, "lab.restore", "lab", lab.Id, command.Reason, lab.OrganizationId, NotificationKind.LabRestored, LabNotices.LabLink(lab.Id),
            language => (Texts.Get(language, "Notice_LabRestored_Title", lab.Name),
                Texts.Get(language, "Notice_LabRestored_Body", lab.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, lab.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
