namespace SharingPlatform.Application.Accounts;

/// <summary>
/// Daily: sessions revoked or expired more than 30 days ago, sign-in throttles nobody tripped for a day, and answers kept
/// for retries (<see cref="IdempotentRequest"/>) past their 24 hours, and rate-limit windows older than a day, are deleted.
/// </summary>
public sealed record DeleteEndedSessions : ICommand<int>;

public sealed class DeleteEndedSessionsHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<DeleteEndedSessions, int>
{
    public async ValueTask<int> Handle(DeleteEndedSessions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var endedBefore = now - UserSession.KeptAfterEnd;
        var deleted = await db.UserSessions.Where(s => s.RevokedAt < endedBefore || s.ExpiresAt < endedBefore).ExecuteDeleteAsync(cancellationToken);
        var quietSince = now - SignInThrottle.KeptAfterLastFailure;
        await db.SignInThrottles.Where(t => t.LastFailureAt < quietSince && (t.BlockedUntil == null || t.BlockedUntil < now)).ExecuteDeleteAsync(cancellationToken);
        var keptSince = now - IdempotentRequest.KeptFor;
        await db.IdempotentRequests.Where(r => r.CreatedAt < keptSince).ExecuteDeleteAsync(cancellationToken);
        var windowsSince = now - RateLimitWindow.KeptFor;
        await db.RateLimitWindows.Where(w => w.WindowStart < windowsSince).ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
