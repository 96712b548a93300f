using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Application.Proposals;

/// <summary>
/// When a proposal is taken up, accepted or declined, its proposer and everyone who supported it are told (except the
/// person who acted), in the transaction of the decision.
/// </summary>
public sealed class ProposalNotices(IApplicationDbContext db, Notifier notifier)
{
    public static string Link(Guid proposalId) => $"/Proposals/{proposalId}";

    public async Task TakenUpAsync(Proposal proposal, string organizationName, string resourceTitle, Guid by, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.Notify(await PeopleAsync(proposal, by, cancellationToken), NotificationKind.ProposalTakenUp, proposal.Id, now, language => new NoticeText(
            Texts.Get(language, "Notice_ProposalTakenUp_Title", proposal.Title),
            Texts.Get(language, "Notice_ProposalTakenUp_Body", proposal.Title, organizationName, resourceTitle)),
            Link(proposal.Id), now);

    public async Task SettledAsync(Proposal proposal, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accepted = proposal.Status == ProposalStatus.Accepted;
        notifier.Notify(await PeopleAsync(proposal, by, cancellationToken), accepted ? NotificationKind.ProposalAccepted : NotificationKind.ProposalDeclined,
            proposal.Id, now, language => accepted
                ? new NoticeText(Texts.Get(language, "Notice_ProposalAccepted_Title", proposal.Title),
                    Texts.Get(language, "Notice_ProposalAccepted_Body", proposal.Title) + NoticeText.Reasoned(language, proposal.StatusReason))
                : new NoticeText(Texts.Get(language, "Notice_ProposalDeclined_Title", proposal.Title),
                    Texts.Get(language, "Notice_ProposalDeclined_Body", proposal.Title) + NoticeText.Reasoned(language, proposal.StatusReason)),
            Link(proposal.Id), now);
    }

    /// <summary>An administrator suspended or restored the proposal: its proposer is told why.</summary>
    public async Task ModeratedAsync(Proposal proposal, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = proposal.Standing == ContentStanding.Suspended ? NotificationKind.ProposalSuspended : NotificationKind.ProposalRestored;
        notifier.Notify(await notifier.PeopleAsync([proposal.ProposerId], cancellationToken), kind, proposal.Id, now, language => new NoticeText(
            Texts.Get(language, $"Notice_{kind}_Title", proposal.Title),
            Texts.Get(language, $"Notice_{kind}_Body", proposal.Title) + NoticeText.Reasoned(language, reason)),
            Link(proposal.Id), now);
    }

    private async Task<IReadOnlyList<Recipient>> PeopleAsync(Proposal proposal, Guid by, CancellationToken cancellationToken)
    {
        var supporters = await db.ProposalSupports.Where(s => s.ProposalId == proposal.Id).Select(s => s.UserId).ToListAsync(cancellationToken);
        return await notifier.PeopleAsync(supporters.Append(proposal.ProposerId).Where(id => id != by), cancellationToken);
    }
}
