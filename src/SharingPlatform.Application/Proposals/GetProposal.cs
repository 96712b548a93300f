namespace SharingPlatform.Application.Proposals;

/// <summary>One proposal with its support count and whether the caller supports it.</summary>
public sealed record GetProposal(Guid Id) : IQuery<ProposalView>;

public sealed class GetProposalHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetProposal, ProposalView>
{
    public async ValueTask<ProposalView> Handle(GetProposal query, CancellationToken cancellationToken) =>
        await db.Views(db.Proposals.AsNoTracking().VisibleTo(currentUser).Where(p => p.Id == query.Id), currentUser.Id).SingleOrDefaultAsync(cancellationToken)
        ?? throw ProposalAccess.NotFound();
}
