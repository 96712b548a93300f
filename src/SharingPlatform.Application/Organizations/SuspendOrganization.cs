using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Organizations;

/// <summary>An administrator suspends a verified organization: it and its listings disappear from public views.</summary>
public sealed record SuspendOrganization(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class SuspendOrganizationValidator() : AdminDecisionValidator<SuspendOrganization>(reasonRequired: true);

public sealed class SuspendOrganizationHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<SuspendOrganization>
{
    public async ValueTask<Unit> Handle(SuspendOrganization command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginOrganizationDecisionAsync(command.Id, cancellationToken);
        var organization = await db.Organizations.FindAsync([command.Id], cancellationToken) ?? throw OrganizationAccess.NotFound();
        var before = organization.Status.AuditState();
        organization.Suspend(command.Reason!);
        await db.RecordAsync(notifier, adminId, "organization.suspend", "organization", organization.Id, command.Reason, organization.Id, NotificationKind.OrganizationSuspended, $"/Organizations/Details/{organization.Id}",
            language => (Texts.Get(language, "Notice_OrganizationSuspended_Title", organization.Name),
                Texts.Get(language, "Notice_OrganizationSuspended_Body", organization.Name, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, organization.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
