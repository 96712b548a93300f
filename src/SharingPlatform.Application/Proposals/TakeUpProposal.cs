using SharingPlatform.Domain.Proposals;
using SharingPlatform.Application.Organizations;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Proposals;

/// <summary>
/// An organization member takes an open proposal up with a published listing of their organization; the proposer and
/// the supporters are told.
/// </summary>
public sealed record TakeUpProposal(Guid Id, Guid ResourceId) : ICommand<ProposalView>;

public sealed class TakeUpProposalHandler(IApplicationDbContext db, ICurrentUser currentUser, ProposalNotices notices, TimeProvider clock)
    : ICommandHandler<TakeUpProposal, ProposalView>
{
    public async ValueTask<ProposalView> Handle(TakeUpProposal command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var proposal = await db.LockProposalAsync(command.Id, cancellationToken);
        if (proposal.Standing == ContentStanding.Suspended)
            throw ProposalAccess.NotFound();
        var listing = await db.PubliclyVisible().Where(r => r.Id == command.ResourceId)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r.OrganizationId, r.Title, OrganizationName = o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (listing is null || !await db.IsMemberAsync(listing.OrganizationId, userId, cancellationToken))
            throw new DomainRuleException("resource_not_yours", Texts.Get("ProposalResourceNotYours"));
        proposal.TakeUp(command.ResourceId, now);
        await notices.TakenUpAsync(proposal, listing.OrganizationName, listing.Title, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(proposal.Id, userId, cancellationToken);
    }
}
