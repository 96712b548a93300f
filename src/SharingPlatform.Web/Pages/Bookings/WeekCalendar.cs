namespace SharingPlatform.Web.Pages.Bookings;

public enum CalendarCellKind
{
    /// <summary>Not open at that time.</summary>
    Closed,
    Free,
    Busy,

    /// <summary>Held by the viewer's own booking.</summary>
    Mine,
    Unavailable,
}

public sealed record CalendarCell(CalendarCellKind Kind, DateTimeOffset StartsAt, Guid? BookingId);

/// <summary>
/// A resource's week (Monday to Sunday, Seoul) as a table: one column per day, one row per slot time that is open on
/// any day of the week; each cell free, busy (the viewer's own or someone's), unavailable or closed.
/// </summary>
public sealed class WeekCalendar
{
    private readonly Dictionary<(DateOnly, TimeOnly), CalendarCell> _cells;

    private WeekCalendar(DateOnly monday, IReadOnlyList<TimeOnly> times, Dictionary<(DateOnly, TimeOnly), CalendarCell> cells)
    {
        Monday = monday;
        Times = times;
        _cells = cells;
    }

    public DateOnly Monday { get; }

    public IReadOnlyList<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();

    public IReadOnlyList<TimeOnly> Times { get; }

    public bool HasFreeSlot => _cells.Values.Any(c => c.Kind == CalendarCellKind.Free);

    public CalendarCell Cell(DateOnly day, TimeOnly time) =>
        _cells.TryGetValue((day, time), out var cell) ? cell : new CalendarCell(CalendarCellKind.Closed, SeoulTime.At(day, time), null);

    /// <summary>The availability's window: the Seoul week starting on <paramref name="monday"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) WindowOf(DateOnly monday) =>
        (SeoulTime.StartOf(monday), SeoulTime.StartOf(monday.AddDays(7)));

    public static WeekCalendar From(DateOnly monday, ResourceAvailability availability)
    {
        var cells = new Dictionary<(DateOnly, TimeOnly), CalendarCell>();
        foreach (var slot in availability.Slots)
        {
            var local = SeoulTime.ToSeoul(slot.StartsAt);
            var key = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            var holders = availability.Busy.Where(b => b.StartsAt < slot.EndsAt && b.EndsAt > slot.StartsAt).ToList();
            // The viewer's own booking; for the organization that shares the resource, any booking (its id is visible to them).
            var holder = holders.FirstOrDefault(b => b.Mine) ?? holders.FirstOrDefault(b => b.BookingId is not null);
            var kind = slot.State switch
            {
                SlotState.Free => CalendarCellKind.Free,
                SlotState.Busy when holder is { Mine: true } => CalendarCellKind.Mine,
                SlotState.Busy => CalendarCellKind.Busy,
                _ => CalendarCellKind.Unavailable,
            };
            cells[key] = new CalendarCell(kind, slot.StartsAt, slot.State == SlotState.Busy ? holder?.BookingId : null);
        }

        var times = cells.Keys.Select(k => k.Item2).Distinct().Order().ToList();
        return new WeekCalendar(monday, times, cells);
    }
}
