using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Application.Proposals;

/// <summary>
/// The signed-in person supports an open proposal. Once each: the vote is inserted with <c>ON CONFLICT DO NOTHING</c> on
/// the key (proposal, person), so any number of supports at once leave one.
/// </summary>
public sealed record SupportProposal(Guid Id) : ICommand<ProposalView>;

public sealed class SupportProposalHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SupportProposal, ProposalView>
{
    public async ValueTask<ProposalView> Handle(SupportProposal command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var status = await db.Proposals.Where(p => p.Id == command.Id && p.Standing == ContentStanding.Shown)
            .Select(p => (ProposalStatus?)p.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw ProposalAccess.NotFound();
        if (status != ProposalStatus.Open)
            throw new ConflictException(Texts.Get("ProposalNotOpen"), "proposal_not_open");
        var support = ProposalSupport.Give(command.Id, userId, clock.GetUtcNow());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO proposal_supports (proposal_id, user_id, supported_at)
            VALUES ({support.ProposalId}, {support.UserId}, {support.SupportedAt})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return await db.ViewAsync(command.Id, userId, cancellationToken);
    }
}
