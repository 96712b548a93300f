namespace SharingPlatform.Application.Circles;

/// <summary>A host approves a pending request while the circle has room (409 <c>circle_full</c> when it has none); the person is told.</summary>
public sealed record ApproveJoinRequest(Guid CircleId, Guid UserId) : ICommand<MembershipView>;

public sealed class ApproveJoinRequestHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<ApproveJoinRequest, MembershipView>
{
    public async ValueTask<MembershipView> Handle(ApproveJoinRequest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, member) = await db.BeginDecisionAsync(command.CircleId, command.UserId, currentUser, onlyTheHost: false, cancellationToken);
        caller.Circle.Approve(member, now);
        await notices.JoinDecidedAsync(caller.Circle, member, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
