using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class AvailabilityTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, Kst); // Tuesday
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 0, 0, 0, Kst);

    private static BookingPolicy Policy(int bufferMinutes = 0, int minNoticeMinutes = 0) =>
        BookingPolicy.Create(ApprovalMode.Automatic, 60, 60, 180, minNoticeMinutes, 14, bufferMinutes, false, 3,
            [new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
             new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(22, 0), TimeOnly.MaxValue),
             new OpeningPeriod(DayOfWeek.Sunday, TimeOnly.MinValue, new TimeOnly(2, 0))],
            [new DateOnly(2026, 12, 9)]);

    [Fact]
    public void Opening_periods_in_a_week_skip_closed_dates_and_are_cut_by_the_window()
    {
        var open = Availability.OpenPeriods(Policy(), new Period(Wednesday.AddHours(10), Wednesday.AddDays(8)));

        open.ShouldBe([
            new Period(Wednesday.AddHours(10), Wednesday.AddHours(13)),
            new Period(Wednesday.AddDays(3).AddHours(22), Wednesday.AddDays(4)),
            new Period(Wednesday.AddDays(4), Wednesday.AddDays(4).AddHours(2)),
        ]);
    }

    [Fact]
    public void Slots_are_busy_under_a_booking_and_its_buffer_and_unavailable_where_the_minimum_does_not_fit()
    {
        Period[] busy = [new(Wednesday.AddHours(11), Wednesday.AddHours(12).AddMinutes(30))]; // 11–12 plus a 30-minute buffer

        var slots = Availability.Slots(Policy(bufferMinutes: 30), new Period(Wednesday, Wednesday.AddDays(1)), busy, Now);

        slots.Select(s => (SeoulTime.ToSeoul(s.StartsAt).Hour, s.State)).ShouldBe([
            (9, SlotState.Free),         // 09–10 and its buffer end at 10:30
            (10, SlotState.Unavailable), // 10–11 plus its buffer would reach into 11:00
            (11, SlotState.Busy),
            (12, SlotState.Busy),        // the buffer
        ]);
    }

    [Fact]
    public void Ends_run_from_the_minimum_to_the_maximum_and_stop_at_the_next_booking_or_closing()
    {
        var start = Wednesday.AddHours(9);

        Availability.EndsFrom(Policy(), start, [], Now).ShouldBe([start.AddHours(1), start.AddHours(2), start.AddHours(3)]);
        Availability.EndsFrom(Policy(), Wednesday.AddHours(11), [], Now).ShouldBe([Wednesday.AddHours(12), Wednesday.AddHours(13)]);
        Availability.EndsFrom(Policy(), start, [new Period(Wednesday.AddHours(11), Wednesday.AddHours(12))], Now)
            .ShouldBe([start.AddHours(1), start.AddHours(2)]);
        Availability.EndsFrom(Policy(minNoticeMinutes: 24 * 60 + 1), start, [], Now).ShouldBeEmpty();
    }

    [Fact]
    public void The_first_free_start_is_the_first_slot_shown_free_and_none_when_no_slot_is()
    {
        var day = new Period(Wednesday, Wednesday.AddDays(1));
        Period[] nineAndEleven = [new(Wednesday.AddHours(9), Wednesday.AddHours(10)), new(Wednesday.AddHours(11), Wednesday.AddHours(12))];
        Period[] allDay = [new(Wednesday.AddHours(9), Wednesday.AddHours(13))];
        var cases = new (BookingPolicy Policy, Period[] Busy, DateTimeOffset Now, DateTimeOffset? Expected)[]
        {
            (Policy(), [], Now, Wednesday.AddHours(9)),
            (Policy(bufferMinutes: 30), nineAndEleven, Now, Wednesday.AddHours(12)), // 10–11 and its buffer would reach into 11:00
            (Policy(), allDay, Now, null),
            (Policy(minNoticeMinutes: 24 * 60 + 60), [], Now, Wednesday.AddHours(10)), // 9:00 is too soon
            (Policy(), [], Wednesday.AddHours(12).AddMinutes(30), null), // past every slot
        };

        foreach (var (policy, busy, now, expected) in cases)
        {
            var slots = Availability.Slots(policy, day, busy, now);
            Availability.FirstFreeStart(policy, day, busy, now).ShouldBe(expected);
            (slots.FirstOrDefault(s => s.State == SlotState.Free)?.StartsAt).ShouldBe(expected);
            // A slot is shown free exactly when the booking page offers an end for a booking starting there.
            foreach (var slot in slots.Where(s => s.State != SlotState.Busy))
                (slot.State == SlotState.Free).ShouldBe(Availability.EndsFrom(policy, slot.StartsAt, busy, now).Count > 0);
        }
    }

    [Fact]
    public void A_period_is_cut_at_seoul_midnights_into_day_parts()
    {
        var saturday = Wednesday.AddDays(3);

        BookingPolicy.DayParts(saturday.AddHours(22), saturday.AddHours(26)).ShouldBe([
            new DayPart(new DateOnly(2026, 12, 5), new TimeOnly(22, 0), TimeOnly.MaxValue),
            new DayPart(new DateOnly(2026, 12, 6), TimeOnly.MinValue, new TimeOnly(2, 0)),
        ]);
        Policy().IsOpenDuring(saturday.AddHours(22), saturday.AddHours(26)).ShouldBeTrue();
        Policy().IsOpenDuring(saturday.AddHours(22), saturday.AddHours(27)).ShouldBeFalse();
    }

    [Fact]
    public void Opening_periods_that_meet_cover_a_period_across_them_and_a_gap_does_not()
    {
        var policy = BookingPolicy.Create(ApprovalMode.Automatic, 60, 60, 480, 0, 14, 0, false, 3,
            [new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
             new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(12, 0), new TimeOnly(15, 0)),
             new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(16, 0), new TimeOnly(18, 0))], []);

        policy.IsOpenDuring(Wednesday.AddHours(11), Wednesday.AddHours(14)).ShouldBeTrue();
        policy.IsOpenDuring(Wednesday.AddHours(14), Wednesday.AddHours(17)).ShouldBeFalse();
        policy.IsOpenDuring(Wednesday.AddHours(16), Wednesday.AddHours(18)).ShouldBeTrue();
    }
}
