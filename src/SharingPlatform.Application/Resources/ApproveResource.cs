using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator approves a resource under review: it is published.</summary>
public sealed record ApproveResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class ApproveResourceValidator() : AdminDecisionValidator<ApproveResource>(reasonRequired: false);

public sealed class ApproveResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, IEmailOutbox outbox, TimeProvider clock)
    : ICommandHandler<ApproveResource>
{
    public async ValueTask<Unit> Handle(ApproveResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        resource.Approve();
        var emails = await db.RecordAsync(adminId, "resource.approve", "resource", resource.Id, command.Reason, resource.OrganizationId,
            language => language == Language.English
                ? ($"'{resource.Title}' is published", $"Your resource '{resource.Title}' was approved and is now public.{AdminDecisions.Reasoned(language, command.Reason)}")
                : ($"[공유경제 플랫폼] '{resource.Title}' 공개 승인", $"공유자원 '{resource.Title}'이(가) 승인되어 공개되었습니다.{AdminDecisions.Reasoned(language, command.Reason)}"),
            clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in emails)
            outbox.Send(id);
        return Unit.Value;
    }
}
