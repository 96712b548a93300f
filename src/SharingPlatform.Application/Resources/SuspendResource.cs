using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator hides a published resource, saying why.</summary>
public sealed record SuspendResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class SuspendResourceValidator() : AdminDecisionValidator<SuspendResource>(reasonRequired: true);

public sealed class SuspendResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<SuspendResource>
{
    public async ValueTask<Unit> Handle(SuspendResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        var before = resource.Status.AuditState();
        resource.Suspend(command.Reason!);
        await db.RecordAsync(notifier, adminId, "resource.suspend", "resource", resource.Id, command.Reason, resource.OrganizationId, NotificationKind.ResourceSuspended, $"/Resources/Details/{resource.Id}",
            language => (Texts.Get(language, "Notice_ResourceSuspended_Title", resource.Title),
                Texts.Get(language, "Notice_ResourceSuspended_Body", resource.Title, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, resource.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
