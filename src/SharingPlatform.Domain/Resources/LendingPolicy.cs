namespace SharingPlatform.Domain.Resources;

/// <summary>How a resource is shared: booked by the slot (a room, a van) or lent by the day in identical units (tables, tents).</summary>
public enum SharingMode
{
    Slots,
    Loans,
}

/// <summary>
/// How the units of a lent resource go out: how many exist (each optionally with a label), the longest loan, the most
/// units one person holds at once, notice and horizon in days, the deposit and approval. Pick-up and return follow the
/// resource's opening hours and closed dates. Created only through <see cref="Create"/>, which refuses an inconsistent
/// policy with a stable code.
/// </summary>
public sealed record LendingPolicy
{
    public const int MaxUnits = 500;
    public const int LabelMaxLength = 60;

    [System.Text.Json.Serialization.JsonConstructor]
    private LendingPolicy()
    {
    }

    public int Units { get; init; }
    public IReadOnlyList<string> UnitLabels { get; init; } = [];
    public int MaxLoanDays { get; init; }
    public int MaxUnitsPerPerson { get; init; }
    public int MinNoticeDays { get; init; }
    public int HorizonDays { get; init; }
    public int DepositWon { get; init; }
    public ApprovalMode ApprovalMode { get; init; }

    public static LendingPolicy Create(
        int units, IEnumerable<string>? unitLabels, int maxLoanDays, int maxUnitsPerPerson, int minNoticeDays, int horizonDays,
        int depositWon, ApprovalMode approvalMode)
    {
        var labels = (unitLabels ?? []).Select(l => l.Trim()).ToList();
        if (units is < 1 or > MaxUnits)
            Refuse("units_invalid", $"A resource lends between 1 and {MaxUnits} units.", MaxUnits);
        if (labels.Count > 0 && (labels.Count != units || labels.Any(l => l.Length is 0 or > LabelMaxLength)
                || labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Count))
            Refuse("unit_labels_invalid", "Label every unit once, or none.", units);
        if (maxLoanDays is < 1 or > 90)
            Refuse("max_loan_days_invalid", "A loan lasts between 1 and 90 days.");
        if (maxUnitsPerPerson < 1 || maxUnitsPerPerson > units)
            Refuse("max_units_per_person_invalid", $"One person holds between 1 and {units} units.", units);
        if (minNoticeDays is < 0 or > 90)
            Refuse("min_notice_days_invalid", "The minimum notice is between 0 and 90 days.");
        if (horizonDays is < 1 or > 365 || horizonDays <= minNoticeDays)
            Refuse("lending_horizon_invalid", "Loans open between 1 and 365 days ahead, beyond the minimum notice.");
        if (depositWon is < 0 or > 10_000_000)
            Refuse("deposit_invalid", "The deposit is between 0 and 10,000,000 won.");
        return new LendingPolicy
        {
            Units = units,
            UnitLabels = labels,
            MaxLoanDays = maxLoanDays,
            MaxUnitsPerPerson = maxUnitsPerPerson,
            MinNoticeDays = minNoticeDays,
            HorizonDays = horizonDays,
            DepositWon = depositWon,
            ApprovalMode = approvalMode,
        };
    }

    private static void Refuse(string code, string message, params object[] arguments) =>
        throw new DomainRuleException(code, message, arguments);
}
