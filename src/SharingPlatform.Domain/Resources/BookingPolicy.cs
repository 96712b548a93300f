namespace SharingPlatform.Domain.Resources;

public enum ApprovalMode
{
    Automatic,
    Manual,
}

/// <summary>The part of a period that falls on one Seoul date, in wall-clock times (<see cref="TimeOnly.MaxValue"/>: 24:00).</summary>
public sealed record DayPart(DateOnly Date, TimeOnly From, TimeOnly Until);

/// <summary>A weekly opening period in Asia/Seoul wall-clock time, e.g. Monday 09:00–18:00.</summary>
public sealed record OpeningPeriod(DayOfWeek DayOfWeek, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// How a resource may be booked. Created only through <see cref="Create"/>, which refuses an inconsistent policy with a
/// stable code: durations in whole slots, minimum ≤ maximum, opening periods that start before they end, on slot
/// boundaries, without overlapping on a day.
/// </summary>
public sealed record BookingPolicy
{
    [System.Text.Json.Serialization.JsonConstructor]
    private BookingPolicy()
    {
    }

    public ApprovalMode ApprovalMode { get; init; }
    public int SlotMinutes { get; init; }
    public int MinMinutes { get; init; }
    public int MaxMinutes { get; init; }
    public int MinNoticeMinutes { get; init; }
    public int HorizonDays { get; init; }
    public int BufferMinutes { get; init; }
    public bool RequiresCheckIn { get; init; }
    public int MaxActivePerPerson { get; init; }
    public IReadOnlyList<OpeningPeriod> OpeningHours { get; init; } = [];
    public IReadOnlyList<DateOnly> ClosedDates { get; init; } = [];

    public static readonly int[] SlotSizes = [10, 15, 20, 30, 60, 120, 180, 240];

    public static BookingPolicy Create(
        ApprovalMode approvalMode, int slotMinutes, int minMinutes, int maxMinutes, int minNoticeMinutes, int horizonDays,
        int bufferMinutes, bool requiresCheckIn, int maxActivePerPerson,
        IEnumerable<OpeningPeriod> openingHours, IEnumerable<DateOnly> closedDates)
    {
        if (!SlotSizes.Contains(slotMinutes))
            Refuse("slot_size_invalid", $"A slot is one of {string.Join(", ", SlotSizes)} minutes.");
        if (minMinutes < slotMinutes || minMinutes % slotMinutes != 0)
            Refuse("min_duration_invalid", "The minimum duration is a whole number of slots.");
        if (maxMinutes < minMinutes)
            Refuse("max_below_min", "The maximum duration is at least the minimum.");
        if (maxMinutes % slotMinutes != 0 || maxMinutes > 14 * 24 * 60)
            Refuse("max_duration_invalid", "The maximum duration is a whole number of slots, at most 14 days.");
        if (minNoticeMinutes is < 0 or > 60 * 24 * 90)
            Refuse("min_notice_invalid", "The minimum notice is between 0 minutes and 90 days.");
        if (horizonDays is < 1 or > 365)
            Refuse("horizon_invalid", "Bookings open between 1 and 365 days ahead.");
        if (bufferMinutes is < 0 or > 24 * 60)
            Refuse("buffer_invalid", "The buffer between bookings is between 0 minutes and a day.");
        if (maxActivePerPerson is < 1 or > 100)
            Refuse("per_person_cap_invalid", "One person may hold between 1 and 100 active bookings.");

        var periods = openingHours.OrderBy(p => p.DayOfWeek).ThenBy(p => p.Opens).ToList();
        foreach (var period in periods)
        {
            if (period.Closes <= period.Opens)
                Refuse("opening_hours_invalid", $"On {period.DayOfWeek} the resource must close after it opens.");
            if (MinuteOfDay(period.Opens) % slotMinutes != 0 || MinuteOfDay(period.Closes) % slotMinutes != 0)
                Refuse("opening_hours_off_slot", $"On {period.DayOfWeek} opening and closing times fall on {slotMinutes}-minute slots.");
        }

        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].DayOfWeek == periods[i - 1].DayOfWeek && periods[i].Opens < periods[i - 1].Closes)
                Refuse("opening_hours_overlap", $"Opening periods on {periods[i].DayOfWeek} overlap.");
        }

        return new BookingPolicy
        {
            ApprovalMode = approvalMode,
            SlotMinutes = slotMinutes,
            MinMinutes = minMinutes,
            MaxMinutes = maxMinutes,
            MinNoticeMinutes = minNoticeMinutes,
            HorizonDays = horizonDays,
            BufferMinutes = bufferMinutes,
            RequiresCheckIn = requiresCheckIn,
            MaxActivePerPerson = maxActivePerPerson,
            OpeningHours = periods,
            ClosedDates = closedDates.Distinct().Order().ToList(),
        };
    }

    /// <summary>Whether the resource opens at all on this Seoul date (a weekday it opens, not a closed date).</summary>
    public bool OpensOn(DateOnly date) =>
        !ClosedDates.Contains(date) && OpeningHours.Any(p => p.DayOfWeek == date.DayOfWeek);

    /// <summary>
    /// Whether the resource is open for all of [from, to): on each Seoul day the period touches, that day's part is covered
    /// by the day's opening periods (one after another: 09:00–12:00 and 12:00–18:00 cover 11:00–13:00) and the day is not a
    /// closed date. A period runs past midnight only where the resource is open until 24:00 and again from 00:00 (a
    /// vehicle rented overnight, equipment lent for a weekend).
    /// </summary>
    public bool IsOpenDuring(DateTimeOffset from, DateTimeOffset to)
    {
        var parts = DayParts(from, to);
        return parts.Count > 0 && parts.All(part => !ClosedDates.Contains(part.Date) && Covers(part));
    }

    private bool Covers(DayPart part)
    {
        var covered = part.From;
        foreach (var period in OpeningHours.Where(p => p.DayOfWeek == part.Date.DayOfWeek).OrderBy(p => p.Opens))
        {
            if (period.Opens <= covered && covered < period.Closes)
                covered = period.Closes;
        }

        return covered >= part.Until;
    }

    /// <summary>
    /// [from, to) cut at Seoul midnights: each Seoul date it touches with the wall-clock times it covers that day;
    /// <see cref="TimeOnly.MaxValue"/> stands for 24:00. Empty when the period is empty.
    /// </summary>
    public static IReadOnlyList<DayPart> DayParts(DateTimeOffset from, DateTimeOffset to)
    {
        var parts = new List<DayPart>();
        var start = SeoulTime.ToSeoul(from);
        var end = SeoulTime.ToSeoul(to);
        for (var cursor = start; cursor < end;)
        {
            var midnight = cursor.Date.AddDays(1);
            var partEnd = end < midnight ? end : midnight;
            parts.Add(new DayPart(DateOnly.FromDateTime(cursor), TimeOnly.FromDateTime(cursor),
                partEnd == midnight ? TimeOnly.MaxValue : TimeOnly.FromDateTime(partEnd)));
            cursor = partEnd;
        }

        return parts;
    }

    /// <summary>Minutes since midnight; <see cref="TimeOnly.MaxValue"/> stands for 24:00 (open until midnight), which is 1440.</summary>
    private static int MinuteOfDay(TimeOnly time) => time == TimeOnly.MaxValue ? 24 * 60 : time.Hour * 60 + time.Minute;

    private static void Refuse(string code, string message) => throw new DomainRuleException(code, message);
}
