using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Application.Resources;

/// <summary>The public content of a resource as a change request holds and compares it (see <see cref="ChangeContent"/>).</summary>
public static class ResourceChanges
{
    public static string Serialize(ResourceInput input) => ChangeContent.Serialize(input with { Policy = input.Policy with { ClosedDates = [] } });

    public static ResourceInput InputFrom(string json) => ChangeContent.Deserialize<ResourceInput>(json);

    public static ResourceInput InputOf(SharedResource r) => new(
        r.Category, r.Title, r.Description, r.Municipality, r.Address, r.Capacity, r.FeePerHour, r.FeeNote, PolicyInput.From(r.Policy),
        LendingInput.From(r.Lending));

    /// <summary>What <paramref name="proposed"/> content changes in the resource as it is now, field by field.</summary>
    public static IReadOnlyList<FieldChange> Changes(SharedResource live, ResourceInput proposed) =>
        ChangeContent.Diff(Fields(InputOf(live)), Fields(proposed));

    /// <summary>The public content of a resource, field by field, in canonical form (closed dates are not content).</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(ResourceInput input)
    {
        var p = PolicyInput.From(input.Policy.ToPolicy());
        return
        [
            ("category", ChangeContent.Camel(input.Category.ToString())),
            ("title", input.Title.Trim()),
            ("description", (input.Description ?? "").Trim()),
            ("municipality", input.Municipality),
            ("address", (input.Address ?? "").Trim()),
            ("capacity", ChangeContent.Number(input.Capacity)),
            ("feePerHour", ChangeContent.Number(input.FeePerHour)),
            ("feeNote", (input.FeeNote ?? "").Trim()),
            ("policy.approvalMode", ChangeContent.Camel(p.ApprovalMode.ToString())),
            ("policy.slotMinutes", ChangeContent.Number(p.SlotMinutes)),
            ("policy.minMinutes", ChangeContent.Number(p.MinMinutes)),
            ("policy.maxMinutes", ChangeContent.Number(p.MaxMinutes)),
            ("policy.minNoticeMinutes", ChangeContent.Number(p.MinNoticeMinutes)),
            ("policy.horizonDays", ChangeContent.Number(p.HorizonDays)),
            ("policy.bufferMinutes", ChangeContent.Number(p.BufferMinutes)),
            ("policy.requiresCheckIn", p.RequiresCheckIn ? "true" : "false"),
            ("policy.maxActivePerPerson", ChangeContent.Number(p.MaxActivePerPerson)),
            ("policy.openingHours", string.Join(", ", p.OpeningHours.Select(o => $"{ChangeContent.Camel(o.DayOfWeek.ToString())} {o.Opens}–{o.Closes}"))),
            .. LendingFields(input.Lending is null ? null : LendingInput.From(input.Lending.ToLending())),
        ];
    }

    /// <summary>How the resource is shared, and for one lent by the day, each rule of its lending (empty for one booked by the slot).</summary>
    private static IEnumerable<(string Field, string Value)> LendingFields(LendingInput? l) =>
    [
        ("sharingMode", l is null ? "slots" : "loans"),
        ("lending.units", ChangeContent.Number(l?.Units)),
        ("lending.unitLabels", string.Join(", ", l?.UnitLabels ?? [])),
        ("lending.maxLoanDays", ChangeContent.Number(l?.MaxLoanDays)),
        ("lending.maxUnitsPerPerson", ChangeContent.Number(l?.MaxUnitsPerPerson)),
        ("lending.minNoticeDays", ChangeContent.Number(l?.MinNoticeDays)),
        ("lending.horizonDays", ChangeContent.Number(l?.HorizonDays)),
        ("lending.depositWon", ChangeContent.Number(l?.DepositWon)),
        ("lending.approvalMode", l is null ? "" : ChangeContent.Camel(l.ApprovalMode.ToString())),
    ];
}
