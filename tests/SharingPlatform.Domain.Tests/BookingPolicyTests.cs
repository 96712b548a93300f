using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class BookingPolicyTests
{
    private static readonly OpeningPeriod[] Weekdays =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0))),
         new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(17, 0))];

    private static BookingPolicy Policy(int slot = 30, int min = 60, int max = 240, IEnumerable<OpeningPeriod>? hours = null, IEnumerable<DateOnly>? closed = null) =>
        BookingPolicy.Create(ApprovalMode.Manual, slot, min, max, 60 * 24, 60, 15, requiresCheckIn: true, maxActivePerPerson: 3,
            hours ?? Weekdays, closed ?? []);

    private static string RefusalCode(Func<BookingPolicy> create) => Should.Throw<DomainRuleException>(create).Code;

    [Fact]
    public void A_consistent_policy_is_accepted()
    {
        var policy = Policy();

        policy.SlotMinutes.ShouldBe(30);
        policy.OpeningHours.Count.ShouldBe(6);
        policy.OpensOn(new DateOnly(2026, 12, 5)).ShouldBeTrue(); // Saturday
        policy.OpensOn(new DateOnly(2026, 12, 6)).ShouldBeFalse(); // Sunday
    }

    [Fact]
    public void The_maximum_must_not_be_below_the_minimum() => RefusalCode(() => Policy(min: 120, max: 60)).ShouldBe("max_below_min");

    [Fact]
    public void Durations_are_whole_slots()
    {
        RefusalCode(() => Policy(slot: 30, min: 45)).ShouldBe("min_duration_invalid");
        RefusalCode(() => Policy(slot: 60, min: 60, max: 150)).ShouldBe("max_duration_invalid");
        RefusalCode(() => Policy(slot: 25)).ShouldBe("slot_size_invalid");
    }

    [Fact]
    public void Opening_hours_must_be_well_formed()
    {
        RefusalCode(() => Policy(hours: [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(9, 0))])).ShouldBe("opening_hours_invalid");
        RefusalCode(() => Policy(hours: [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 10), new TimeOnly(18, 0))])).ShouldBe("opening_hours_off_slot");
        RefusalCode(() => Policy(hours:
        [
            new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
            new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(18, 0)),
        ])).ShouldBe("opening_hours_overlap");
    }

    [Fact]
    public void A_period_is_open_only_inside_one_opening_period_of_a_day_that_is_not_closed()
    {
        var christmas = new DateOnly(2026, 12, 25); // a Friday
        var policy = Policy(closed: [christmas]);
        var kst = TimeSpan.FromHours(9);

        policy.IsOpenDuring(new DateTimeOffset(2026, 12, 5, 14, 0, 0, kst), new DateTimeOffset(2026, 12, 5, 17, 0, 0, kst)).ShouldBeTrue();
        policy.IsOpenDuring(new DateTimeOffset(2026, 12, 5, 14, 0, 0, kst), new DateTimeOffset(2026, 12, 5, 17, 30, 0, kst)).ShouldBeFalse();
        policy.IsOpenDuring(new DateTimeOffset(2026, 12, 6, 11, 0, 0, kst), new DateTimeOffset(2026, 12, 6, 12, 0, 0, kst)).ShouldBeFalse();
        policy.IsOpenDuring(new DateTimeOffset(2026, 12, 25, 10, 0, 0, kst), new DateTimeOffset(2026, 12, 25, 11, 0, 0, kst)).ShouldBeFalse();
        // The same Saturday afternoon asked in UTC.
        policy.IsOpenDuring(new DateTimeOffset(2026, 12, 5, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
    }
}
