using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Application.Proposals;

/// <summary>An administrator accepts or declines an open proposal with a reason; the proposer and the supporters are told.</summary>
public sealed record SettleProposal(Guid Id, bool Accept, string? Reason) : ICommand<ProposalView>;

public sealed class SettleProposalValidator : AbstractValidator<SettleProposal>
{
    public SettleProposalValidator() => RuleFor(c => c.Reason).MaximumLength(Proposal.ReasonMaxLength);
}

public sealed class SettleProposalHandler(IApplicationDbContext db, ICurrentUser currentUser, ProposalNotices notices, TimeProvider clock)
    : ICommandHandler<SettleProposal, ProposalView>
{
    public async ValueTask<ProposalView> Handle(SettleProposal command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var proposal = await db.LockProposalAsync(command.Id, cancellationToken);
        if (command.Accept)
            proposal.Accept(command.Reason, now);
        else
            proposal.Decline(command.Reason ?? "", now);
        await notices.SettledAsync(proposal, adminId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(proposal.Id, adminId, cancellationToken);
    }
}
