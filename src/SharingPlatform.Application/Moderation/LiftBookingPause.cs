namespace SharingPlatform.Application.Moderation;

/// <summary>An administrator lets a person paused for no-shows book again at once; earlier no-shows no longer count.</summary>
public sealed record LiftBookingPause(Guid Id, string? Reason) : ICommand, IModerationDecision;

public sealed class LiftBookingPauseValidator() : ModerationDecisionValidator<LiftBookingPause>(reasonRequired: true);

public sealed class LiftBookingPauseHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<LiftBookingPause>
{
    public async ValueTask<Unit> Handle(LiftBookingPause command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.LockUserAsync(command.Id, cancellationToken);
        user.LiftBookingPause(now);
        db.AuditEntries.Add(AuditEntry.Record(adminId, AuditActions.UserLiftPause, "user", user.Id, command.Reason?.Trim(), now, "paused", "active"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
