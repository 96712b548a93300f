namespace SharingPlatform.Application.Proposals;

/// <summary>The signed-in person takes back their support; withdrawing support not given changes nothing.</summary>
public sealed record WithdrawSupport(Guid Id) : ICommand<ProposalView>;

public sealed class WithdrawSupportHandler(IApplicationDbContext db, ICurrentUser currentUser) : ICommandHandler<WithdrawSupport, ProposalView>
{
    public async ValueTask<ProposalView> Handle(WithdrawSupport command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (!await db.Proposals.VisibleTo(currentUser).AnyAsync(p => p.Id == command.Id, cancellationToken))
            throw ProposalAccess.NotFound();
        await db.ProposalSupports.Where(s => s.ProposalId == command.Id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return await db.ViewAsync(command.Id, userId, cancellationToken);
    }
}
