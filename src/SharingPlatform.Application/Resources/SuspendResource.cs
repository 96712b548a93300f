using Mediator;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Resources;

/// <summary>An administrator hides a published resource, saying why.</summary>
public sealed record SuspendResource(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class SuspendResourceValidator() : AdminDecisionValidator<SuspendResource>(reasonRequired: true);

public sealed class SuspendResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, IEmailOutbox outbox, TimeProvider clock)
    : ICommandHandler<SuspendResource>
{
    public async ValueTask<Unit> Handle(SuspendResource command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        await using var transaction = await db.BeginResourceDecisionAsync(command.Id, cancellationToken);
        var resource = await db.Resources.FindAsync([command.Id], cancellationToken) ?? throw ResourceAccess.NotFound();
        resource.Suspend(command.Reason!);
        var emails = await db.RecordAsync(adminId, "resource.suspend", "resource", resource.Id, command.Reason, resource.OrganizationId,
            language => language == Language.English
                ? ($"'{resource.Title}' is suspended", $"Your resource '{resource.Title}' is hidden from the public for now.{AdminDecisions.Reasoned(language, command.Reason)}")
                : ($"[공유경제 플랫폼] '{resource.Title}' 공개 중지", $"공유자원 '{resource.Title}'의 공개가 중지되었습니다.{AdminDecisions.Reasoned(language, command.Reason)}"),
            clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in emails)
            outbox.Send(id);
        return Unit.Value;
    }
}
