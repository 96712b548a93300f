using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Organizations;

/// <summary>An administrator confirms a pending organization is real: from now on it may publish.</summary>
public sealed record VerifyOrganization(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class VerifyOrganizationValidator() : AdminDecisionValidator<VerifyOrganization>(reasonRequired: false);

public sealed class VerifyOrganizationHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<VerifyOrganization>
{
    public async ValueTask<Unit> Handle(VerifyOrganization command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginOrganizationDecisionAsync(command.Id, cancellationToken);
        var organization = await db.Organizations.FindAsync([command.Id], cancellationToken) ?? throw OrganizationAccess.NotFound();
        var before = organization.Status.AuditState();
        organization.Verify();
        await db.RecordAsync(notifier, adminId, "organization.verify", "organization", organization.Id, command.Reason, organization.Id, NotificationKind.OrganizationVerified, $"/Organizations/Details/{organization.Id}",
            language => (Texts.Get(language, "Notice_OrganizationVerified_Title", organization.Name),
                Texts.Get(language, "Notice_OrganizationVerified_Body", organization.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, organization.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
