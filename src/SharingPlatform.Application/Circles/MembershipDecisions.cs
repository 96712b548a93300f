using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>What every host decision about one member does first: the circle's row locked, the host checked, the member loaded.</summary>
public static class MembershipDecisions
{
    public static async Task<(CircleCaller Caller, CircleMember Member)> BeginDecisionAsync(
        this IApplicationDbContext db, Guid circleId, Guid userId, ICurrentUser currentUser, bool onlyTheHost, CancellationToken cancellationToken)
    {
        await db.LockCircleAsync(circleId, cancellationToken);
        var caller = await db.CircleCallerAsync(circleId, currentUser, track: true, cancellationToken);
        if (onlyTheHost)
            caller.RequireTheHost();
        else
            caller.RequireActiveHost();
        return (caller, await db.MemberAsync(circleId, userId, cancellationToken));
    }
}
