namespace SharingPlatform.Domain.Organizations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Cancelled,
}

/// <summary>
/// An owner's invitation of a person, by email, to join their organization as owner or staff. Nobody becomes a member
/// without saying yes: the person with that (confirmed) email accepts or declines it within two weeks; an owner may
/// withdraw it first. Inviting the same email again while one is pending renews that one.
/// </summary>
public sealed class OrganizationInvitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    private OrganizationInvitation()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public MemberRole Role { get; private set; }
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public InvitationStatus Status { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static OrganizationInvitation Invite(Guid organizationId, string email, MemberRole role, Guid invitedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = organizationId,
        Email = email.Trim(),
        NormalizedEmail = Normalize(email),
        Role = role,
        InvitedBy = invitedBy,
        InvitedAt = now.ToUniversalTime(),
        ExpiresAt = (now + ValidFor).ToUniversalTime(),
        Status = InvitationStatus.Pending,
    };

    public bool IsOpen(DateTimeOffset now) => Status == InvitationStatus.Pending && now < ExpiresAt;

    /// <summary>Invited again while pending (expired or not): the new role counts and the two weeks start over.</summary>
    public void Renew(MemberRole role, Guid invitedBy, DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending)
            throw new DomainRuleException("invitation_not_pending", $"The invitation is {Status}, not pending.");
        Role = role;
        InvitedBy = invitedBy;
        InvitedAt = now.ToUniversalTime();
        ExpiresAt = (now + ValidFor).ToUniversalTime();
    }

    /// <summary>The invited person says yes and joins <paramref name="organization"/> in the invited role.</summary>
    public void Accept(Organization organization, Guid userId, DateTimeOffset now)
    {
        RequireOpen(now);
        organization.AddMember(userId, Role, now);
        Answer(InvitationStatus.Accepted, now);
    }

    public void Decline(DateTimeOffset now)
    {
        RequireOpen(now);
        Answer(InvitationStatus.Declined, now);
    }

    public void Cancel(DateTimeOffset now)
    {
        RequireOpen(now);
        Answer(InvitationStatus.Cancelled, now);
    }

    private void RequireOpen(DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending)
            throw new DomainRuleException("invitation_not_pending", $"The invitation is {Status}, not pending.");
        if (now >= ExpiresAt)
            throw new DomainRuleException("invitation_expired", "The invitation has expired; ask for a new one.");
    }

    private void Answer(InvitationStatus status, DateTimeOffset now)
    {
        Status = status;
        AnsweredAt = now.ToUniversalTime();
    }
}
