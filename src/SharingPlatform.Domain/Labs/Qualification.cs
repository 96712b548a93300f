namespace SharingPlatform.Domain.Labs;

/// <summary>
/// A person's qualification (safety induction) for one piece of equipment, granted by a lab manager, valid until a Seoul
/// date inclusive; a manager may revoke it with a reason. One unrevoked qualification per person and equipment: a new
/// grant extends it.
/// </summary>
public sealed class Qualification
{
    public const int ReasonMaxLength = 1000;

    private Qualification()
    {
    }

    public Guid Id { get; private set; }
    public Guid LabId { get; private set; }
    public Guid EquipmentId { get; private set; }
    public Guid UserId { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public Guid GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }
    public string? RevokedReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static Qualification Grant(Equipment equipment, Guid userId, DateOnly validUntil, Guid grantedBy, DateTimeOffset now)
    {
        RequireFuture(validUntil, now);
        return new Qualification
        {
            Id = Guid.CreateVersion7(now),
            LabId = equipment.LabId,
            EquipmentId = equipment.Id,
            UserId = userId,
            ValidUntil = validUntil,
            GrantedBy = grantedBy,
            GrantedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>A new grant of an unrevoked qualification: it is valid until the new date.</summary>
    public void Extend(DateOnly validUntil, Guid grantedBy, DateTimeOffset now)
    {
        if (IsRevoked)
            throw new IllegalTransitionException("qualification_revoked", "A revoked qualification is granted anew, not extended.");
        RequireFuture(validUntil, now);
        ValidUntil = validUntil;
        GrantedBy = grantedBy;
        GrantedAt = now.ToUniversalTime();
    }

    public void Revoke(Guid by, string reason, DateTimeOffset now)
    {
        if (IsRevoked)
            throw new IllegalTransitionException("qualification_revoked", "The qualification is already revoked.");
        RevokedReason = Reason.Require(reason);
        RevokedBy = by;
        RevokedAt = now.ToUniversalTime();
    }

    /// <summary>Valid on a Seoul date up to and including <see cref="ValidUntil"/>, unless revoked.</summary>
    public bool IsValidOn(DateOnly date) => !IsRevoked && date <= ValidUntil;

    private static void RequireFuture(DateOnly validUntil, DateTimeOffset now)
    {
        if (validUntil < SeoulTime.DateOf(now))
            throw new DomainRuleException("valid_until_past", "A qualification is valid until today or a later date.");
    }
}
