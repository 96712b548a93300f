namespace SharingPlatform.Domain.Bookings;

public enum SlotState
{
    /// <summary>Nobody holds it and a booking may start here now.</summary>
    Free,

    /// <summary>A holding booking (or its buffer) covers it.</summary>
    Busy,

    /// <summary>Not held, but not bookable now: past, too soon for the notice, beyond the horizon, or too little time before the next booking or closing.</summary>
    Unavailable,
}

public sealed record Slot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, SlotState State);

/// <summary>
/// The time a resource offers in a window: its opening hours cut into slots, each free, busy or unavailable, and for a
/// chosen start the ends a booking may have. <paramref name="busy"/> are holding bookings as [start, blocked until).
/// </summary>
public static class Availability
{
    public static IReadOnlyList<Period> OpenPeriods(BookingPolicy policy, Period window)
    {
        var periods = new List<Period>();
        for (var date = SeoulTime.DateOf(window.Start); SeoulTime.StartOf(date) < window.End; date = date.AddDays(1))
        {
            if (policy.ClosedDates.Contains(date))
                continue;
            foreach (var opening in policy.OpeningHours.Where(p => p.DayOfWeek == date.DayOfWeek))
            {
                var opens = SeoulTime.At(date, opening.Opens);
                var closes = opening.Closes == TimeOnly.MaxValue ? SeoulTime.StartOf(date.AddDays(1)) : SeoulTime.At(date, opening.Closes);
                var start = opens > window.Start ? opens : window.Start;
                var end = closes < window.End ? closes : window.End;
                if (start < end)
                    periods.Add(new Period(start, end));
            }
        }

        return periods;
    }

    public static IReadOnlyList<Slot> Slots(BookingPolicy policy, Period window, IReadOnlyCollection<Period> busy, DateTimeOffset now) =>
        [.. SlotsOf(policy, window, busy, now)];

    /// <summary>The start of the first free slot in <paramref name="window"/>, as <see cref="Slots"/> shows it, looking no further.</summary>
    public static DateTimeOffset? FirstFreeStart(BookingPolicy policy, Period window, IReadOnlyCollection<Period> busy, DateTimeOffset now) =>
        SlotsOf(policy, window, busy, now).FirstOrDefault(s => s.State == SlotState.Free)?.StartsAt;

    private static IEnumerable<Slot> SlotsOf(BookingPolicy policy, Period window, IReadOnlyCollection<Period> busy, DateTimeOffset now)
    {
        var slot = TimeSpan.FromMinutes(policy.SlotMinutes);
        foreach (var open in OpenPeriods(policy, window))
        {
            // Slots keep to the resource's slot grid (minutes since Seoul midnight), even where the window cuts a period.
            for (var start = AlignUp(open.Start, policy.SlotMinutes); start + slot <= open.End; start += slot)
            {
                var state = busy.Any(b => b.Overlaps(new Period(start, start + slot)))
                    ? SlotState.Busy
                    : MayStartAt(policy, start, busy, now) ? SlotState.Free : SlotState.Unavailable;
                yield return new Slot(start, start + slot, state);
            }
        }
    }

    /// <summary>Whether <see cref="EndsFrom"/> has an end: the shortest booking from <paramref name="start"/> is allowed.</summary>
    private static bool MayStartAt(BookingPolicy policy, DateTimeOffset start, IReadOnlyCollection<Period> busy, DateTimeOffset now)
    {
        if (!WithinNoticeAndHorizon(policy, start, now) || policy.MinMinutes > policy.MaxMinutes)
            return false;
        var end = start.AddMinutes(policy.MinMinutes);
        var blocked = new Period(start, end.AddMinutes(policy.BufferMinutes));
        return policy.IsOpenDuring(start, end) && !busy.Any(b => b.Overlaps(blocked));
    }

    /// <summary>
    /// The ends a booking starting at <paramref name="start"/> may have: whole slots between the minimum and the maximum
    /// duration, open all along, clear of every holding booking with the buffer after it; none if the start itself is
    /// too soon or beyond the horizon.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> EndsFrom(BookingPolicy policy, DateTimeOffset start, IReadOnlyCollection<Period> busy, DateTimeOffset now)
    {
        var ends = new List<DateTimeOffset>();
        if (!WithinNoticeAndHorizon(policy, start, now))
            return ends;
        for (var minutes = policy.MinMinutes; minutes <= policy.MaxMinutes; minutes += policy.SlotMinutes)
        {
            var end = start.AddMinutes(minutes);
            var blocked = new Period(start, end.AddMinutes(policy.BufferMinutes));
            if (!policy.IsOpenDuring(start, end) || busy.Any(b => b.Overlaps(blocked)))
                break;
            ends.Add(end);
        }

        return ends;
    }

    private static bool WithinNoticeAndHorizon(BookingPolicy policy, DateTimeOffset start, DateTimeOffset now) =>
        start >= now.AddMinutes(policy.MinNoticeMinutes) && start < now.AddDays(policy.HorizonDays);

    private static DateTimeOffset AlignUp(DateTimeOffset instant, int slotMinutes)
    {
        var local = SeoulTime.ToSeoul(instant);
        var minuteOfDay = local.Hour * 60 + local.Minute;
        var aligned = SeoulTime.StartOf(DateOnly.FromDateTime(local)).AddMinutes(Math.Ceiling(minuteOfDay / (double)slotMinutes) * slotMinutes);
        return aligned < instant ? aligned.AddMinutes(slotMinutes) : aligned;
    }
}
