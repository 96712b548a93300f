namespace SharingPlatform.Domain.Bookings;

/// <summary>Every rule of a resource's booking policy, each refusal with its stable code and the values it names.</summary>
public static class BookingRules
{
    public static void Check(SharedResource resource, Period period, int attendees, BookerStanding booker, DateTimeOffset now)
    {
        var policy = resource.Policy;
        if (resource.Status != ResourceStatus.Published)
            Refuse("resource_not_published", "This resource is not open for booking.");
        CheckNotPaused(booker.PausedUntil, now);
        if (period.Start < now.AddMinutes(policy.MinNoticeMinutes))
            Refuse("too_little_notice", $"Book at least {policy.MinNoticeMinutes} minutes ahead.", TimeSpan.FromMinutes(policy.MinNoticeMinutes));
        if (period.Start >= now.AddDays(policy.HorizonDays))
            Refuse("beyond_horizon", $"Bookings open {policy.HorizonDays} days ahead.", policy.HorizonDays);

        var minutes = (int)period.Duration.TotalMinutes;
        // To the tick: 10:00:30–11:00:30 lasts a whole slot but starts on none.
        var slotTicks = policy.SlotMinutes * TimeSpan.TicksPerMinute;
        if (period.Duration.Ticks % slotTicks != 0 || SeoulTimeOfDay(period.Start).Ticks % slotTicks != 0)
            Refuse("off_slot", $"Bookings start and end on {policy.SlotMinutes}-minute slots.", TimeSpan.FromMinutes(policy.SlotMinutes));
        if (minutes < policy.MinMinutes)
            Refuse("too_short", $"A booking lasts at least {policy.MinMinutes} minutes.", TimeSpan.FromMinutes(policy.MinMinutes));
        if (minutes > policy.MaxMinutes)
            Refuse("too_long", $"A booking lasts at most {policy.MaxMinutes} minutes.", TimeSpan.FromMinutes(policy.MaxMinutes));
        if (ClosedDateIn(policy, period) is { } closed)
            Refuse("closed_date", $"The resource is closed on {closed:yyyy-MM-dd}.", closed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (!policy.IsOpenDuring(period.Start, period.End))
            Refuse("outside_opening_hours", "The period is outside the opening hours.");
        if (attendees < 1 || (resource.Capacity is { } capacity && attendees > capacity))
            Refuse("over_capacity", $"The resource takes at most {resource.Capacity} people.", resource.Capacity ?? 0);
        if (booker.ActiveBookings >= policy.MaxActivePerPerson)
            Refuse("over_personal_cap", $"One person holds at most {policy.MaxActivePerPerson} active bookings of this resource.", policy.MaxActivePerPerson);
    }

    /// <summary>A person paused after three no-shows books nothing (resources or lab sessions) until the pause ends.</summary>
    public static void CheckNotPaused(DateTimeOffset? pausedUntil, DateTimeOffset now)
    {
        if (pausedUntil is { } until && until > now)
            Refuse("booking_paused", $"After three no-shows you cannot book until {SeoulTime.ToSeoul(until):yyyy-MM-dd HH:mm}.",
                SeoulTime.ToSeoul(until).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static TimeSpan SeoulTimeOfDay(DateTimeOffset instant) => SeoulTime.ToSeoul(instant).TimeOfDay;

    private static DateOnly? ClosedDateIn(BookingPolicy policy, Period period)
    {
        var first = DateOnly.FromDateTime(SeoulTime.ToSeoul(period.Start));
        var last = DateOnly.FromDateTime(SeoulTime.ToSeoul(period.End.AddTicks(-1)));
        return policy.ClosedDates.Where(d => d >= first && d <= last).Select(d => (DateOnly?)d).FirstOrDefault();
    }

    private static void Refuse(string code, string message, params object[] arguments) => throw new DomainRuleException(code, message, arguments);
}
