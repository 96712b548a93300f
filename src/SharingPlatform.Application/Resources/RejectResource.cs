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
            language => language == Language.English
                ? ($"'{resource.Title}' was not approved", $"Your resource '{resource.Title}' was not approved. You can edit it and submit it again.{NoticeText.Reasoned(language, command.Reason)}")
                : ($"'{resource.Title}' 공개 반려", $"공유자원 '{resource.Title}'이(가) 반려되었습니다. 고친 뒤 다시 제출할 수 있습니다.{NoticeText.Reasoned(language, command.Reason)}"),
            clock.GetUtcNow(), cancellationToken, before, resource.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
