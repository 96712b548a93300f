namespace SharingPlatform.Domain.Labs;

/// <summary>A weekly slot in Asia/Seoul wall-clock time, e.g. Monday 09:00–12:00.</summary>
public sealed record WeeklySlot(DayOfWeek DayOfWeek, TimeOnly Starts, TimeOnly Ends);

/// <summary>
/// A lab's weekly slots (Seoul wall-clock times) and the dates it is closed. Created only through <see cref="Create"/>,
/// which refuses slots that do not end after they start or overlap on a day.
/// </summary>
public sealed record LabTimetable
{
    public const int MaxSlots = 100;

    [System.Text.Json.Serialization.JsonConstructor]
    private LabTimetable()
    {
    }

    public IReadOnlyList<WeeklySlot> Slots { get; init; } = [];
    public IReadOnlyList<DateOnly> ClosedDates { get; init; } = [];

    public static LabTimetable Create(IEnumerable<WeeklySlot> slots, IEnumerable<DateOnly> closedDates)
    {
        var ordered = slots.OrderBy(s => s.DayOfWeek).ThenBy(s => s.Starts).ToList();
        if (ordered.Count > MaxSlots)
            throw new DomainRuleException("timetable_too_long", $"A timetable has at most {MaxSlots} weekly slots.", MaxSlots);
        foreach (var slot in ordered)
        {
            if (slot.Ends <= slot.Starts)
                throw new DomainRuleException("timetable_slot_invalid", $"On {slot.DayOfWeek} a slot must end after it starts.");
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].DayOfWeek == ordered[i - 1].DayOfWeek && ordered[i].Starts < ordered[i - 1].Ends)
                throw new DomainRuleException("timetable_slots_overlap", $"Slots on {ordered[i].DayOfWeek} overlap.");
        }

        return new LabTimetable { Slots = ordered, ClosedDates = closedDates.Distinct().Order().ToList() };
    }

    /// <summary>The slots of one Seoul date, as instants; none on a closed date unless <paramref name="ignoreClosed"/>.</summary>
    public IEnumerable<LabSlot> SlotsOn(DateOnly date, bool ignoreClosed = false)
    {
        if (!ignoreClosed && ClosedDates.Contains(date))
            return [];
        return Slots.Where(s => s.DayOfWeek == date.DayOfWeek)
            .Select(s => new LabSlot(SeoulTime.At(date, s.Starts), SeoulTime.At(date, s.Ends)));
    }

    /// <summary>The open slots that start within [from, to), in order, across weeks and skipping closed dates.</summary>
    public IReadOnlyList<LabSlot> SlotsStartingBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var slots = new List<LabSlot>();
        for (var date = SeoulTime.DateOf(from); SeoulTime.StartOf(date) < to; date = date.AddDays(1))
            slots.AddRange(SlotsOn(date).Where(s => s.StartsAt >= from && s.StartsAt < to));
        return slots;
    }
}
