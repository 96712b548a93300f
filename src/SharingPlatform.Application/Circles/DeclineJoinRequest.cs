namespace SharingPlatform.Application.Circles;

/// <summary>A host declines a pending request; the person is told.</summary>
public sealed record DeclineJoinRequest(Guid CircleId, Guid UserId) : ICommand<MembershipView>;

public sealed class DeclineJoinRequestHandler(IApplicationDbContext db, ICurrentUser currentUser, CircleNotices notices, TimeProvider clock)
    : ICommandHandler<DeclineJoinRequest, MembershipView>
{
    public async ValueTask<MembershipView> Handle(DeclineJoinRequest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, member) = await db.BeginDecisionAsync(command.CircleId, command.UserId, currentUser, onlyTheHost: false, cancellationToken);
        caller.Circle.Decline(member, now);
        await notices.JoinDecidedAsync(caller.Circle, member, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
