using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator makes a suspended resource public again.</summary>
public sealed record RestoreResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RestoreResourceValidator() : AdminDecisionValidator<RestoreResource>(reasonRequired: true);

public sealed class RestoreResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RestoreResource>
{
    public async ValueTask<Unit> Handle(RestoreResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        var before = resource.Status.AuditState();
        resource.Restore();
        await db.RecordAsync(notifier, adminId, "resource.restore", "resource", resource.Id, command.Reason, resource.OrganizationId, NotificationKind.ResourceRestored, $"/Resources/Details/{resource.Id}",
            language => (Texts.Get(language, "Notice_ResourceRestored_Title", resource.Title),
                Texts.Get(language, "Notice_ResourceRestored_Body", resource.Title, NoticeText.Reasoned(language, command.Reason))),
            clock.GetUtcNow(), cancellationToken, before, resource.Status.AuditState());
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
