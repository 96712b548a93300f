using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Application.Proposals;

/// <summary>An administrator accepts or declines an open proposal with a reason.</summary>
public sealed record SettleProposal(Guid Id, bool Accept, string? Reason) : ICommand<ProposalView>;

public sealed class SettleProposalValidator : AbstractValidator<SettleProposal>
{
    public SettleProposalValidator() => RuleFor(c => c.Reason).MaximumLength(Proposal.ReasonMaxLength);
}

public sealed class SettleProposalHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SettleProposal, ProposalView>
{
    public async ValueTask<ProposalView> Handle(SettleProposal command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw ProposalAccess.NotFound();
        if (command.Accept)
            proposal.Accept(command.Reason, clock.GetUtcNow());
        else
            proposal.Decline(command.Reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(proposal.Id, adminId, cancellationToken);
    }
}
