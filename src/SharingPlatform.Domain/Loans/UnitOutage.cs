namespace SharingPlatform.Domain.Loans;

/// <summary>
/// Units of a lent resource out of service (broken, lost, being repaired) from <see cref="FirstDay"/> to
/// <see cref="LastDay"/> (Seoul days, both included), with a reason: no loan is promised them on those days. A labelled
/// unit is taken out by its label. The desk may put the units back in service early; from that day on they lend again.
/// </summary>
public sealed class UnitOutage
{
    public const int MaxDays = 366;

    private UnitOutage()
    {
    }

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public int Units { get; private set; }
    public string? UnitLabel { get; private set; }
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, LastDay.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays);

    public static UnitOutage Start(
        SharedResource resource, int units, string? unitLabel, DateOnly firstDay, DateOnly lastDay, string reason, Guid by, DateTimeOffset now)
    {
        var lending = resource.Lending ?? throw new DomainRuleException("resource_not_lent", "The resource is not lent by the day.");
        var label = string.IsNullOrWhiteSpace(unitLabel) ? null : unitLabel.Trim();
        if (label is not null)
        {
            label = lending.UnitLabels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainRuleException("unit_label_unknown", $"The resource has no unit labelled {label}.", label);
            if (units != 1)
                throw new DomainRuleException("outage_units_invalid", $"Between 1 and {lending.Units} units; one for a label.", lending.Units);
        }
        if (units < 1 || units > lending.Units)
            throw new DomainRuleException("outage_units_invalid", $"Between 1 and {lending.Units} units; one for a label.", lending.Units);
        if (lastDay < firstDay || firstDay < SeoulTime.DateOf(now) || lastDay.DayNumber - firstDay.DayNumber >= MaxDays)
            throw new DomainRuleException("outage_days_invalid", $"From today or later, to the same day or later, at most {MaxDays} days.", MaxDays);
        return new UnitOutage
        {
            Id = Guid.CreateVersion7(now),
            ResourceId = resource.Id,
            Units = units,
            UnitLabel = label,
            FirstDay = firstDay,
            LastDay = lastDay,
            Reason = Common.Reason.Require(reason),
            CreatedBy = by,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>Whether the units are still kept out on some day from today on.</summary>
    public bool IsCurrentAt(DateTimeOffset now) => EndedAt is null && LastDay >= SeoulTime.DateOf(now);

    /// <summary>The units are back in service from today: answers the first day they lend again (the outage's days from it on are freed).</summary>
    public DateOnly End(DateTimeOffset now)
    {
        if (!IsCurrentAt(now))
            throw new IllegalTransitionException("outage_over", "The units are already back in service.");
        var today = SeoulTime.DateOf(now);
        EndedAt = now.ToUniversalTime();
        return today > FirstDay ? today : FirstDay;
    }
}
