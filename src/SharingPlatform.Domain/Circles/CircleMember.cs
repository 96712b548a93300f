namespace SharingPlatform.Domain.Circles;

public enum MemberRole
{
    Host,
    CoHost,
    Member,
}

public enum MemberStatus
{
    Pending,
    Active,
    Declined,
    Left,
    Removed,
}

/// <summary>
/// One person's membership of a circle: (circle, person) is unique, so a former member who joins again takes up their
/// old membership. Changed only through <see cref="Circle"/>, which keeps its member count.
/// </summary>
public sealed class CircleMember
{
    private CircleMember()
    {
    }

    public Guid Id { get; private set; }
    public Guid CircleId { get; private set; }
    public Guid UserId { get; private set; }
    public MemberRole Role { get; private set; }
    public MemberStatus Status { get; private set; }
    public string? StatusReason { get; private set; }

    /// <summary>A host allowed this removed member to join again.</summary>
    public bool RejoinAllowed { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public bool IsActive => Status == MemberStatus.Active;

    /// <summary>An active host or co-host: runs members, meetings and attendance.</summary>
    public bool IsHost => Status == MemberStatus.Active && Role is MemberRole.Host or MemberRole.CoHost;

    internal static CircleMember Founder(Guid circleId, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CircleId = circleId,
        UserId = userId,
        Role = MemberRole.Host,
        Status = MemberStatus.Active,
        RequestedAt = now.ToUniversalTime(),
        JoinedAt = now.ToUniversalTime(),
        ChangedAt = now.ToUniversalTime(),
    };

    internal static CircleMember Newcomer(Guid circleId, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CircleId = circleId,
        UserId = userId,
        Role = MemberRole.Member,
        Status = MemberStatus.Pending,
        RequestedAt = now.ToUniversalTime(),
        ChangedAt = now.ToUniversalTime(),
    };

    internal void MarkPending(DateTimeOffset now)
    {
        RequestedAt = now.ToUniversalTime();
        MoveTo(MemberStatus.Pending, null, now);
    }

    internal void MoveTo(MemberStatus status, string? reason, DateTimeOffset now)
    {
        if (status == MemberStatus.Active)
        {
            JoinedAt = now.ToUniversalTime();
            RejoinAllowed = false;
        }

        if (status != MemberStatus.Active && Role == MemberRole.CoHost)
            Role = MemberRole.Member;
        Status = status;
        StatusReason = reason;
        ChangedAt = now.ToUniversalTime();
    }

    internal void AllowRejoin() => RejoinAllowed = true;

    internal void ChangeRole(MemberRole role) => Role = role;
}
