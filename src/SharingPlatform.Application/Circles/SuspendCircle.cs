using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Audit;

namespace SharingPlatform.Application.Circles;

/// <summary>An administrator hides a circle from everyone but its hosts and administrators (its meetings take no RSVPs), saying why. Audit-logged; the hosts are told.</summary>
public sealed record SuspendCircle(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class SuspendCircleValidator() : AdminDecisionValidator<SuspendCircle>(reasonRequired: true);

public sealed class SuspendCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<SuspendCircle>
{
    public async ValueTask<Unit> Handle(SuspendCircle command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCircleAsync(command.Id, cancellationToken);
        var circle = await db.Circles.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw CircleAccess.NotFound();
        var before = circle.Status.AuditState();
        circle.Suspend(command.Reason!);
        db.AuditEntries.Add(AuditEntry.Record(adminId, "circle.suspend", "circle", circle.Id, command.Reason, now, before, circle.Status.AuditState()));
        await notices.DecidedAsync(circle, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
