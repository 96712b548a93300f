namespace SharingPlatform.Domain.Labs;

/// <summary>
/// A piece of a lab's equipment. It may need a qualification (a safety induction, named by <see cref="QualificationName"/>)
/// and may be out of service for [OutOfServiceFrom, OutOfServiceUntil) (maintenance), when it cannot be booked.
/// </summary>
public sealed class Equipment
{
    public const int NameMaxLength = 120;
    public const int ModelMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    private Equipment()
    {
    }

    public Guid Id { get; private set; }
    public Guid LabId { get; private set; }
    public string Name { get; private set; } = "";
    public string Model { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? PhotoFileName { get; private set; }
    public bool RequiresQualification { get; private set; }
    public string QualificationName { get; private set; } = "";
    public DateTimeOffset? OutOfServiceFrom { get; private set; }
    public DateTimeOffset? OutOfServiceUntil { get; private set; }
    public string? OutOfServiceReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Equipment Add(Guid labId, EquipmentDetails details, DateTimeOffset now)
    {
        var equipment = new Equipment { Id = Guid.CreateVersion7(now), LabId = labId, CreatedAt = now.ToUniversalTime() };
        equipment.Edit(details);
        return equipment;
    }

    public void Edit(EquipmentDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
            throw new DomainRuleException("equipment_name_required", "Give the equipment a name.");
        Name = details.Name.Trim();
        Model = details.Model.Trim();
        Description = details.Description.Trim();
        RequiresQualification = details.RequiresQualification;
        QualificationName = details.RequiresQualification ? details.QualificationName.Trim() : "";
    }

    public void SetPhoto(string? fileName) => PhotoFileName = fileName;

    /// <summary>Takes the equipment out of service for a period (maintenance), replacing any earlier one.</summary>
    public void PutOutOfService(Period period, string reason)
    {
        OutOfServiceFrom = period.Start;
        OutOfServiceUntil = period.End;
        OutOfServiceReason = Reason.Require(reason);
    }

    public void ReturnToService()
    {
        OutOfServiceFrom = null;
        OutOfServiceUntil = null;
        OutOfServiceReason = null;
    }

    public bool IsOutOfServiceDuring(Period period) =>
        OutOfServiceFrom is { } from && OutOfServiceUntil is { } until && new Period(from, until).Overlaps(period);

    public bool IsOutOfServiceAt(DateTimeOffset instant) =>
        OutOfServiceFrom <= instant && instant < OutOfServiceUntil;

    /// <summary>Refuses (422) a session in <paramref name="slot"/> with this equipment for someone holding <paramref name="held"/>.</summary>
    public void CheckBookable(LabSlot slot, IEnumerable<Qualification> held)
    {
        if (IsOutOfServiceDuring(slot.Period))
            throw new DomainRuleException("equipment_out_of_service", $"{Name} is out of service then.", Name);
        if (!RequiresQualification)
            return;
        var date = SeoulTime.DateOf(slot.StartsAt);
        var mine = held.Where(q => q.EquipmentId == Id).ToList();
        if (mine.Any(q => q.IsValidOn(date)))
            return;
        if (mine.Any(q => !q.IsRevoked))
            throw new DomainRuleException("qualification_expired", $"Your qualification for {Name} has expired.", Name);
        throw new DomainRuleException("qualification_required", $"{Name} needs a qualification you do not hold.", Name);
    }
}

public sealed record EquipmentDetails(string Name, string Model, string Description, bool RequiresQualification, string QualificationName);
