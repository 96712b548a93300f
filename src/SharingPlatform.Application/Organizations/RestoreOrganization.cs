using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Organizations;

/// <summary>An administrator lifts an organization's suspension: its published listings are public again.</summary>
public sealed record RestoreOrganization(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RestoreOrganizationValidator() : AdminDecisionValidator<RestoreOrganization>(reasonRequired: true);

public sealed class RestoreOrganizationHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RestoreOrganization>
{
    public async ValueTask<Unit> Handle(RestoreOrganization command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginOrganizationDecisionAsync(command.Id, cancellationToken);
        var organization = await db.Organizations.FindAsync([command.Id], cancellationToken) ?? throw OrganizationAccess.NotFound();
        var before = organization.Status.AuditState();
        organization.Restore();
        await db.RecordAsync(notifier, adminId, "organization.restore", "organization", organization.Id, command.Reason, organization.Id, NotificationKind.OrganizationRestored, $"/Organizations/Details/{organization.Id}",
            language => (Texts.Get(language, "Notice_OrganizationRestored_Title", organization.Name),
                Texts.Get(language, "Notice_OrganizationRestored_Body", organization.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, organization.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
