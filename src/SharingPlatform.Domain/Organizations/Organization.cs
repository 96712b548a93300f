namespace SharingPlatform.Domain.Organizations;

public enum OrganizationKind
{
    Cooperative,
    SocialEnterprise,
    PreSocialEnterprise,
    VillageEnterprise,
    SelfSufficiencyEnterprise,
    PublicInstitution,
    Other,
}

public enum OrganizationStatus
{
    Pending,
    Verified,
    Rejected,
    Suspended,
}

public enum MemberRole
{
    Owner,
    Staff,
}

/// <summary>
/// A cooperative, social enterprise or other body that shares assets. Registered as pending; an administrator verifies
/// or rejects it; only a verified organization publishes anything; a verified one can be suspended and restored.
/// </summary>
public sealed class Organization : IReviewed
{
    public const int NameMaxLength = 100;

    private readonly List<OrganizationMember> _members = [];

    private Organization()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public string BusinessRegistrationNumber { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Description { get; private set; } = "";
    public OrganizationStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public IReadOnlyList<OrganizationMember> Members => _members;

    public static Organization Register(
        string name, OrganizationKind kind, BusinessRegistrationNumber number, Municipality municipality,
        string address, string phone, string email, string description, Guid ownerId, DateTimeOffset now)
    {
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Kind = kind,
            BusinessRegistrationNumber = number.Digits,
            Municipality = municipality.Code,
            Address = address.Trim(),
            Phone = phone.Trim(),
            Email = email.Trim(),
            Description = description.Trim(),
            Status = OrganizationStatus.Pending,
            RegisteredAt = now.ToUniversalTime(),
        };
        organization._members.Add(new OrganizationMember(organization.Id, ownerId, MemberRole.Owner, now));
        return organization;
    }

    public bool CanPublish => Status == OrganizationStatus.Verified;

    public bool IsMember(Guid userId) => _members.Any(m => m.UserId == userId);

    public bool IsOwner(Guid userId) => _members.Any(m => m.UserId == userId && m.Role == MemberRole.Owner);

    public void AddMember(Guid userId, MemberRole role, DateTimeOffset now)
    {
        if (IsMember(userId))
            throw new DomainRuleException("already_member", "This person is already a member of the organization.");
        _members.Add(new OrganizationMember(Id, userId, role, now));
    }

    public void RemoveMember(Guid userId)
    {
        var member = _members.SingleOrDefault(m => m.UserId == userId)
            ?? throw new DomainRuleException("not_a_member", "This person is not a member of the organization.");
        if (member.Role == MemberRole.Owner && _members.Count(m => m.Role == MemberRole.Owner) == 1)
            throw new DomainRuleException("last_owner", "An organization keeps at least one owner.");
        _members.Remove(member);
    }

    public void Verify() => Decide(OrganizationStatus.Pending, OrganizationStatus.Verified, null, "organization_not_pending");

    public void Reject(string reason) => Decide(OrganizationStatus.Pending, OrganizationStatus.Rejected, Reason.Require(reason), "organization_not_pending");

    public void Suspend(string reason) => Decide(OrganizationStatus.Verified, OrganizationStatus.Suspended, Reason.Require(reason), "organization_not_verified");

    public void Restore() => Decide(OrganizationStatus.Suspended, OrganizationStatus.Verified, null, "organization_not_suspended");

    Enum IModerated.Status => Status;

    void IReviewed.Approve() => Verify();

    void IModerated.Restore(string? reason) => Restore();

    private void Decide(OrganizationStatus from, OrganizationStatus to, string? reason, string code)
    {
        if (Status != from)
            throw new DomainRuleException(code, $"The organization is {Status}, not {from}.");
        Status = to;
        StatusReason = reason;
    }
}

public sealed class OrganizationMember
{
    private OrganizationMember()
    {
    }

    internal OrganizationMember(Guid organizationId, Guid userId, MemberRole role, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        UserId = userId;
        Role = role;
        AddedAt = now.ToUniversalTime();
    }

    public Guid OrganizationId { get; private set; }
    public Guid UserId { get; private set; }
    public MemberRole Role { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
