using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator approves a resource under review: it is published.</summary>
public sealed record ApproveResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class ApproveResourceValidator() : AdminDecisionValidator<ApproveResource>(reasonRequired: false);

public sealed class ApproveResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ApproveResource>
{
    public async ValueTask<Unit> Handle(ApproveResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        var before = resource.Status.AuditState();
        resource.Approve();
        await db.RecordAsync(notifier, adminId, "resource.approve", "resource", resource.Id, command.Reason, resource.OrganizationId, NotificationKind.ResourceApproved, $"/Resources/Details/{resource.Id}",
            language => (Texts.Get(language, "Notice_ResourceApproved_Title", resource.Title),
                Texts.Get(language, "Notice_ResourceApproved_Body", resource.Title, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, resource.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
