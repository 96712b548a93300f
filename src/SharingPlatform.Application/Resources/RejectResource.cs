using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator rejects a resource under review, saying why; its owners can edit and resubmit.</summary>
public sealed record RejectResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RejectResourceValidator() : AdminDecisionValidator<RejectResource>(reasonRequired: true);

public sealed class RejectResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, IEmailOutbox outbox, TimeProvider clock)
    : ICommandHandler<RejectResource>
{
    public async ValueTask<Unit> Handle(RejectResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        resource.Reject(command.Reason!);
        var emails = await db.RecordAsync(adminId, "resource.reject", "resource", resource.Id, command.Reason, resource.OrganizationId,
            language => language == Language.English
                ? ($"'{resource.Title}' was not approved", $"Your resource '{resource.Title}' was not approved. You can edit it and submit it again.{AdminDecisions.Reasoned(language, command.Reason)}")
                : ($"[공유경제 플랫폼] '{resource.Title}' 공개 반려", $"공유자원 '{resource.Title}'이(가) 반려되었습니다. 고친 뒤 다시 제출할 수 있습니다.{AdminDecisions.Reasoned(language, command.Reason)}"),
            clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in emails)
            outbox.Send(id);
        return Unit.Value;
    }
}
