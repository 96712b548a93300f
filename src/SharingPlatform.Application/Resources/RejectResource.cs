using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator rejects a resource under review, saying why; its owners can edit and resubmit.</summary>
public sealed record RejectResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RejectResourceValidator() : AdminDecisionValidator<RejectResource>(reasonRequired: true);

public sealed class RejectResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RejectResource>
{
    public async ValueTask<Unit> Handle(RejectResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        var before = resource.Status.AuditState();
        resource.Reject(command.Reason!);
        await db.RecordAsync(notifier, adminId, "resource.reject", "resource", resource.Id, command.Reason, resource.OrganizationId, NotificationKind.ResourceRejected, $"/Resources/Details/{resource.Id}",
            language => (Texts.Get(language, "Notice_ResourceRejected_Title", resource.Title),
                Texts.Get(language, "Notice_ResourceRejected_Body", resource.Title, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, resource.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
