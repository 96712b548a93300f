using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Organizations;

/// <summary>An administrator rejects a pending organization, saying why.</summary>
public sealed record RejectOrganization(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RejectOrganizationValidator() : AdminDecisionValidator<RejectOrganization>(reasonRequired: true);

public sealed class RejectOrganizationHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RejectOrganization>
{
    public async ValueTask<Unit> Handle(RejectOrganization command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginOrganizationDecisionAsync(command.Id, cancellationToken);
        var organization = await db.Organizations.FindAsync([command.Id], cancellationToken) ?? throw OrganizationAccess.NotFound();
        var before = organization.Status.AuditState();
        organization.Reject(command.Reason!);
        await db.RecordAsync(notifier, adminId, "organization.reject", "organization", organization.Id, command.Reason, organization.Id, NotificationKind.OrganizationRejected, $"/Organizations/Details/{organization.Id}",
            language => (Texts.Get(language, "Notice_OrganizationRejected_Title", organization.Name),
                Texts.Get(language, "Notice_OrganizationRejected_Body", organization.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, organization.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
