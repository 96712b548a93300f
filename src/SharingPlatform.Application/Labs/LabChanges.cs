using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Application.Labs;

/// <summary>The public content of a lab as a change request holds and compares it (see <see cref="ChangeContent"/>).</summary>
public static class LabChanges
{
    public static string Serialize(LabInput input) => ChangeContent.Serialize(input with { ClosedDates = [] });

    public static LabInput InputFrom(string json) => ChangeContent.Deserialize<LabInput>(json);

    public static LabInput InputOf(Lab l) => new(
        l.Name, l.Description, l.Municipality, l.Address, l.SafetyRules, l.SeatsPerSlot, l.Timetable.Slots.Select(WeeklySlotInput.From).ToList(), []);

    /// <summary>What <paramref name="proposed"/> content changes in the lab as it is now, field by field.</summary>
    public static IReadOnlyList<FieldChange> Changes(Lab live, LabInput proposed) =>
        ChangeContent.Diff(Fields(InputOf(live)), Fields(proposed));

    /// <summary>The public content of a lab, field by field, in canonical form (closed dates are not content).</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(LabInput input)
    {
        var slots = LabTimetable.Create((input.Timetable ?? []).Select(s => s.ToSlot()), []).Slots.Select(WeeklySlotInput.From);
        return
        [
            ("name", input.Name.Trim()),
            ("description", (input.Description ?? "").Trim()),
            ("municipality", input.Municipality),
            ("address", (input.Address ?? "").Trim()),
            ("safetyRules", (input.SafetyRules ?? "").Trim()),
            ("seatsPerSlot", ChangeContent.Number(input.SeatsPerSlot)),
            ("timetable", string.Join(", ", slots.Select(s => $"{ChangeContent.Camel(s.DayOfWeek.ToString())} {s.Starts}–{s.Ends}"))),
        ];
    }
}
