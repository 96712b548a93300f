namespace SharingPlatform.Application.Circles;

/// <summary>A host lets a removed member join again.</summary>
public sealed record AllowMemberBack(Guid CircleId, Guid UserId) : ICommand<MembershipView>;

public sealed class AllowMemberBackHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : ICommandHandler<AllowMemberBack, MembershipView>
{
    public async ValueTask<MembershipView> Handle(AllowMemberBack command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, member) = await db.BeginDecisionAsync(command.CircleId, command.UserId, currentUser, onlyTheHost: false, cancellationToken);
        caller.Circle.AllowBack(member);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member.View();
    }
}
