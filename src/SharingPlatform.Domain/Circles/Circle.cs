namespace SharingPlatform.Domain.Circles;

public enum JoinPolicy
{
    Open,
    Approval,
}

public enum CircleStatus
{
    Active,
    Suspended,
}

/// <summary>What a host says about a circle when creating or editing it.</summary>
public sealed record CircleDetails(string Title, IReadOnlyList<string> Topics, string Description, Municipality Municipality, int MemberCap, JoinPolicy JoinPolicy);

/// <summary>
/// A study circle (a "hakseup dongari") hosted by a resident. Published at once; an administrator may suspend it and restore it,
/// with a reason. <see cref="MemberCount"/> counts active members, the host included; it never exceeds
/// <see cref="MemberCap"/>: every change of membership happens with the circle's row locked.
/// </summary>
public sealed class Circle : IModerated
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 4000;
    public const int TopicMaxLength = 30;
    public const int MaxTopics = 10;
    public const int MaxMemberCap = 1000;

    private Circle()
    {
    }

    public Guid Id { get; private set; }
    public Guid HostId { get; private set; }
    public string Title { get; private set; } = "";
    public List<string> Topics { get; private set; } = [];
    public string Description { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public int MemberCap { get; private set; }
    public JoinPolicy JoinPolicy { get; private set; }
    public CircleStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public int MemberCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A resident founds a circle and is its host (its first active member).</summary>
    public static (Circle Circle, CircleMember Host) Create(Guid hostId, CircleDetails details, DateTimeOffset now)
    {
        var circle = new Circle
        {
            Id = Guid.CreateVersion7(now),
            HostId = hostId,
            Status = CircleStatus.Active,
            CreatedAt = now.ToUniversalTime(),
            MemberCount = 1,
        };
        circle.Apply(details);
        return (circle, CircleMember.Founder(circle.Id, hostId, now));
    }

    public void Update(CircleDetails details)
    {
        if (details.MemberCap < MemberCount)
            throw new DomainRuleException("member_cap_below_members", $"The circle has {MemberCount} members; the cap cannot be lower.", MemberCount);
        Apply(details);
    }

    /// <summary>
    /// A person asks to join: at once in an open circle (while it has room), or as a request a host approves. A former
    /// member (left, declined, or removed and allowed back) asks again with their old membership.
    /// </summary>
    public CircleMember Join(Guid userId, CircleMember? existing, DateTimeOffset now)
    {
        RequireActive();
        var member = existing ?? CircleMember.Newcomer(Id, userId, now);
        if (member.CircleId != Id || member.UserId != userId)
            throw new ArgumentException("The membership is of another circle or person.", nameof(existing));
        switch (member.Status)
        {
            case MemberStatus.Active:
                throw new IllegalTransitionException("already_circle_member", "You are already a member of this circle.");
            case MemberStatus.Pending when existing is not null:
                throw new IllegalTransitionException("already_requested", "Your request to join is waiting for a host.");
            case MemberStatus.Removed when !member.RejoinAllowed:
                throw new DomainRuleException("removed_from_circle", "A host removed you from this circle; you can join again only if a host allows it.");
        }

        if (JoinPolicy == JoinPolicy.Approval)
        {
            member.MarkPending(now);
            return member;
        }

        Admit(member, now);
        return member;
    }

    /// <summary>A host approves a pending request, while the circle has room.</summary>
    public void Approve(CircleMember member, DateTimeOffset now)
    {
        Own(member);
        if (member.Status != MemberStatus.Pending)
            throw new IllegalTransitionException("member_not_pending", "Only a pending request can be approved.");
        Admit(member, now);
    }

    public void Decline(CircleMember member, DateTimeOffset now)
    {
        Own(member);
        if (member.Status != MemberStatus.Pending)
            throw new IllegalTransitionException("member_not_pending", "Only a pending request can be declined.");
        member.MoveTo(MemberStatus.Declined, null, now);
    }

    /// <summary>A member leaves (a pending request is withdrawn); the host cannot leave their own circle.</summary>
    public void Leave(CircleMember member, DateTimeOffset now)
    {
        Own(member);
        if (member.Role == MemberRole.Host)
            throw new DomainRuleException("host_cannot_leave", "The host cannot leave their own circle.");
        if (member.Status == MemberStatus.Pending)
        {
            member.MoveTo(MemberStatus.Left, null, now);
            return;
        }

        if (member.Status != MemberStatus.Active)
            throw new IllegalTransitionException("member_not_active", "You are not a member of this circle.");
        member.MoveTo(MemberStatus.Left, null, now);
        MemberCount--;
    }

    /// <summary>A host removes an active member, saying why; the person cannot join again unless a host allows it.</summary>
    public void Remove(CircleMember member, string reason, DateTimeOffset now)
    {
        Own(member);
        if (member.Role == MemberRole.Host)
            throw new DomainRuleException("host_cannot_be_removed", "The host cannot be removed from their own circle.");
        if (member.Status != MemberStatus.Active)
            throw new IllegalTransitionException("member_not_active", "Only an active member can be removed.");
        member.MoveTo(MemberStatus.Removed, Reason.Require(reason), now);
        MemberCount--;
    }

    /// <summary>A host lets a removed member join again.</summary>
    public void AllowBack(CircleMember member)
    {
        Own(member);
        if (member.Status != MemberStatus.Removed)
            throw new IllegalTransitionException("member_not_removed", "Only a removed member can be allowed back.");
        member.AllowRejoin();
    }

    public void NameCoHost(CircleMember member)
    {
        Own(member);
        if (member.Status != MemberStatus.Active || member.Role != MemberRole.Member)
            throw new IllegalTransitionException("not_an_ordinary_member", "Only an active member who is not a host can be named co-host.");
        member.ChangeRole(MemberRole.CoHost);
    }

    public void UnnameCoHost(CircleMember member)
    {
        Own(member);
        if (member.Role != MemberRole.CoHost)
            throw new IllegalTransitionException("not_a_co_host", "This member is not a co-host.");
        member.ChangeRole(MemberRole.Member);
    }

    public void Suspend(string reason)
    {
        if (Status != CircleStatus.Active)
            throw new IllegalTransitionException("circle_not_active", "Only an active circle can be suspended.");
        Status = CircleStatus.Suspended;
        StatusReason = Reason.Require(reason);
    }

    Enum IModerated.Status => Status;

    void IModerated.Restore(string? reason) => Restore(reason!);

    public void Restore(string reason)
    {
        if (Status != CircleStatus.Suspended)
            throw new IllegalTransitionException("circle_not_suspended", "Only a suspended circle can be restored.");
        Status = CircleStatus.Active;
        StatusReason = Reason.Require(reason);
    }

    public void RequireActive()
    {
        if (Status != CircleStatus.Active)
            throw new DomainRuleException("circle_suspended", "The circle is suspended.");
    }

    private void Admit(CircleMember member, DateTimeOffset now)
    {
        if (MemberCount >= MemberCap)
            throw new IllegalTransitionException("circle_full", $"The circle is full ({MemberCap} members).");
        member.MoveTo(MemberStatus.Active, null, now);
        MemberCount++;
    }

    private void Own(CircleMember member)
    {
        if (member.CircleId != Id)
            throw new ArgumentException("The membership is of another circle.", nameof(member));
    }

    private void Apply(CircleDetails details)
    {
        var title = details.Title?.Trim() ?? "";
        if (title.Length == 0)
            throw new DomainRuleException("title_required", "Give the circle a title.");
        if (details.MemberCap < 2 || details.MemberCap > MaxMemberCap)
            throw new DomainRuleException("member_cap_out_of_range", $"A circle has room for 2 to {MaxMemberCap} members.", MaxMemberCap);
        Title = title;
        Topics = details.Topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTopics).ToList();
        Description = details.Description?.Trim() ?? "";
        Municipality = details.Municipality.Code;
        MemberCap = details.MemberCap;
        JoinPolicy = details.JoinPolicy;
    }
}
