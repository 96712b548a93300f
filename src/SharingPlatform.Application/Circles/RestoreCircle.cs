using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Audit;

namespace SharingPlatform.Application.Circles;

/// <summary>An administrator makes a suspended circle public again, saying why. Audit-logged; the hosts are told.</summary>
public sealed record RestoreCircle(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RestoreCircleValidator() : AdminDecisionValidator<RestoreCircle>(reasonRequired: true);

public sealed class RestoreCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<RestoreCircle>
{
    public async ValueTask<Unit> Handle(RestoreCircle command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCircleAsync(command.Id, cancellationToken);
        var circle = await db.Circles.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw CircleAccess.NotFound();
        var before = circle.Status.AuditState();
        circle.Restore(command.Reason!);
        db.AuditEntries.Add(AuditEntry.Record(adminId, "circle.restore", "circle", circle.Id, command.Reason, now, before, circle.Status.AuditState()));
        await notices.DecidedAsync(circle, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
