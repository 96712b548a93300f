namespace SharingPlatform.Application.Circles;

/// <summary>A host (the host only) names an active member co-host.</summary>
public sealed record NameCoHost(Guid CircleId, Guid UserId) : ICommand<MembershipView>;

public sealed class NameCoHostHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : ICommandHandler<NameCoHost, MembershipView>
{
    public async ValueTask<MembershipView> Handle(NameCoHost command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, member) = await db.BeginDecisionAsync(command.CircleId, command.UserId, currentUser, onlyTheHost: true, cancellationToken);
        caller.Circle.NameCoHost(member);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
