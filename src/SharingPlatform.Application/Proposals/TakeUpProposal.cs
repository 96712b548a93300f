using SharingPlatform.Application.Organizations;
using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Proposals;

/// <summary>An organization member takes an open proposal up with a published listing of their organization.</summary>
public sealed record TakeUpProposal(Guid Id, Guid ResourceId) : ICommand<ProposalView>;

public sealed class TakeUpProposalHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<TakeUpProposal, ProposalView>
{
    public async ValueTask<ProposalView> Handle(TakeUpProposal command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw ProposalAccess.NotFound();
        var organizationId = await db.PubliclyVisible().Where(r => r.Id == command.ResourceId).Select(r => (Guid?)r.OrganizationId)
            .SingleOrDefaultAsync(cancellationToken);
        if (organizationId is null || !await db.IsMemberAsync(organizationId.Value, userId, cancellationToken))
            throw new DomainRuleException("resource_not_yours", Texts.Get("ProposalResourceNotYours"));
        proposal.TakeUp(command.ResourceId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(proposal.Id, userId, cancellationToken);
    }
}
