using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>
/// A signed-in resident joins an open circle at once (409 <c>circle_full</c> at its cap), or asks to join one by approval
/// and waits for a host. The circle's row is locked first, so however many join at once the cap holds.
/// </summary>
public sealed record JoinCircle(Guid Id) : ICommand<MembershipView>;

public sealed class JoinCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<JoinCircle, MembershipView>
{
    public async ValueTask<MembershipView> Handle(JoinCircle command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCircleAsync(command.Id, cancellationToken);
        var caller = await db.CircleCallerAsync(command.Id, currentUser, track: true, cancellationToken);
        var member = caller.Circle.Join(userId, caller.Membership, now);
        if (caller.Membership is null)
            db.CircleMembers.Add(member);
        if (member.Status == MemberStatus.Pending)
            await notices.JoinRequestedAsync(caller.Circle, member, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
