namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>One day of <see cref="FourWeeks"/>: whether the resource opens that day and how many of its slots are free.</summary>
public sealed record DayFreeTime(DateOnly Date, bool Open, int FreeSlots);

/// <summary>
/// Four weeks of a resource from a Monday (Seoul), day by day, so a person sees at a glance which days have free time,
/// and the free starts of one chosen day as a list (what a phone shows instead of a wide week).
/// </summary>
public sealed class FourWeeks
{
    public const int Days = 28;

    private readonly IReadOnlyList<Slot> _slots;

    private FourWeeks(DateOnly monday, IReadOnlyList<DayFreeTime> days, IReadOnlyList<Slot> slots)
    {
        Monday = monday;
        DaysFree = days;
        _slots = slots;
    }

    public DateOnly Monday { get; }

    public IReadOnlyList<DayFreeTime> DaysFree { get; }

    public bool Contains(DateOnly day) => day >= Monday && day < Monday.AddDays(Days);

    public IReadOnlyList<DateTimeOffset> FreeStartsOn(DateOnly day) =>
        [.. _slots.Where(s => s.State == SlotState.Free && SeoulTime.DateOf(s.StartsAt) == day).Select(s => s.StartsAt)];

    /// <summary>The availability's window: 28 Seoul days from <paramref name="monday"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) WindowOf(DateOnly monday) =>
        (SeoulTime.StartOf(monday), SeoulTime.StartOf(monday.AddDays(Days)));

    public static FourWeeks From(DateOnly monday, ResourceAvailability availability)
    {
        var byDay = availability.Slots.ToLookup(s => SeoulTime.DateOf(s.StartsAt));
        var days = Enumerable.Range(0, Days).Select(monday.AddDays)
            .Select(day => new DayFreeTime(day, byDay[day].Any(), byDay[day].Count(s => s.State == SlotState.Free)))
            .ToList();
        return new FourWeeks(monday, days, availability.Slots);
    }
}
