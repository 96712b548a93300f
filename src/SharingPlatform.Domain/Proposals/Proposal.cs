using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Proposals;

public enum ProposalStatus
{
    Open,
    Accepted,
    Declined,
    TakenUp,
}

/// <summary>
/// A resident proposes something that should be shared. Open until an organization member takes it up
/// with a listing, or an administrator accepts or declines it with a reason.
/// </summary>
public sealed class Proposal : IModerated
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 3000;
    public const int ReasonMaxLength = 1000;

    private Proposal()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProposerId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public ResourceCategory Category { get; private set; }
    public string Municipality { get; private set; } = "";
    public ProposalStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public Guid? ResourceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public ContentStanding Standing { get; private set; }
    public string? SuspensionReason { get; private set; }

    Enum IModerated.Status => Standing;

    public static Proposal Make(Guid proposerId, string title, string description, ResourceCategory category, string municipality, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainRuleException("title_required", "A proposal needs a title.");
        if (!Enum.IsDefined(category))
            throw new ArgumentOutOfRangeException(nameof(category));
        return new Proposal
        {
            Id = Guid.CreateVersion7(now),
            ProposerId = proposerId,
            Title = title.Trim(),
            Description = description.Trim(),
            Category = category,
            Municipality = Municipalities.Municipality.FromCode(municipality).Code,
            Status = ProposalStatus.Open,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    public void TakeUp(Guid resourceId, DateTimeOffset now)
    {
        RequireOpen();
        Status = ProposalStatus.TakenUp;
        ResourceId = resourceId;
        SettledAt = now.ToUniversalTime();
    }

    public void Accept(string? reason, DateTimeOffset now) => Settle(ProposalStatus.Accepted, reason, now);

    public void Decline(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("reason_required", "Declining a proposal needs a reason.");
        Settle(ProposalStatus.Declined, reason, now);
    }

    /// <summary>Hides the proposal from everyone but its proposer and administrators, saying why.</summary>
    public void Suspend(string reason)
    {
        if (Standing == ContentStanding.Suspended)
            throw new IllegalTransitionException("proposal_suspended", "The proposal is already suspended.");
        SuspensionReason = Reason.Require(reason);
        Standing = ContentStanding.Suspended;
    }

    public void Restore(string? reason)
    {
        if (Standing != ContentStanding.Suspended)
            throw new IllegalTransitionException("proposal_not_suspended", "The proposal is not suspended.");
        Standing = ContentStanding.Shown;
        SuspensionReason = null;
    }

    private void Settle(ProposalStatus status, string? reason, DateTimeOffset now)
    {
        RequireOpen();
        Status = status;
        StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        SettledAt = now.ToUniversalTime();
    }

    private void RequireOpen()
    {
        if (Status != ProposalStatus.Open)
            throw new IllegalTransitionException("proposal_not_open", $"The proposal is {Status}, not open.");
    }
}

/// <summary>One person's support of a proposal. (proposal, person) is the key: one vote each, however many at once.</summary>
public sealed class ProposalSupport
{
    private ProposalSupport()
    {
    }

    public Guid ProposalId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset SupportedAt { get; private set; }

    public static ProposalSupport Give(Guid proposalId, Guid userId, DateTimeOffset now) =>
        new() { ProposalId = proposalId, UserId = userId, SupportedAt = now.ToUniversalTime() };
}
