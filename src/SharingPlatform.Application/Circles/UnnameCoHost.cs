namespace SharingPlatform.Application.Circles;

/// <summary>A host (the host only) makes a co-host an ordinary member again.</summary>
public sealed record UnnameCoHost(Guid CircleId, Guid UserId) : ICommand<MembershipView>;

public sealed class UnnameCoHostHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : ICommandHandler<UnnameCoHost, MembershipView>
{
    public async ValueTask<MembershipView> Handle(UnnameCoHost command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, member) = await db.BeginDecisionAsync(command.CircleId, command.UserId, currentUser, onlyTheHost: true, cancellationToken);
        caller.Circle.UnnameCoHost(member);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
