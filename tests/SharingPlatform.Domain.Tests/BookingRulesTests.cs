using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class BookingRulesTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, Kst); // a Tuesday
    private static readonly Guid Booker = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();

    private static SharedResource Published(ApprovalMode mode = ApprovalMode.Manual)
    {
        var policy = BookingPolicy.Create(mode, 30, 60, 180, minNoticeMinutes: 24 * 60, horizonDays: 14, bufferMinutes: 15, false, 2,
            [new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(18, 0))], [new DateOnly(2026, 12, 9)]);
        var resource = SharedResource.CreateDraft(Guid.NewGuid(),
            new ResourceDetails(ResourceCategory.Space, "소회의실", "", Municipality.Jeonju, "전주시", 8, null, ""), policy, Now);
        resource.Submit(Now);
        resource.Approve();
        return resource;
    }

    private static Period At(int day, int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(new DateTimeOffset(2026, 12, day, fromHour, fromMinute, 0, Kst), new DateTimeOffset(2026, 12, day, toHour, toMinute, 0, Kst));

    private static string Refusal(Period period, int attendees = 4, int active = 0, SharedResource? resource = null) =>
        Should.Throw<DomainRuleException>(() => Booking.Request(resource ?? Published(), Guid.NewGuid(), period, attendees, "", new BookerStanding(active), Now)).Code;

    [Fact]
    public void Exactly_the_minimum_is_allowed_and_one_slot_less_is_too_short()
    {
        Booking.Request(Published(), Guid.NewGuid(), At(2, 10, 0, 11, 0), 4, "", new BookerStanding(0), Now).Status.ShouldBe(BookingStatus.Pending);
        Refusal(At(2, 10, 0, 10, 30)).ShouldBe("too_short");
    }

    [Fact]
    public void Exactly_the_maximum_is_allowed_and_one_slot_more_is_too_long()
    {
        Booking.Request(Published(), Guid.NewGuid(), At(2, 10, 0, 13, 0), 4, "", new BookerStanding(0), Now).EndsAt.ShouldBe(At(2, 10, 0, 13, 0).End);
        Refusal(At(2, 10, 0, 13, 30)).ShouldBe("too_long");
    }

    [Fact]
    public void Notice_and_horizon_are_checked_at_their_edges()
    {
        var resource = Published();
        // Wednesday 2 December 09:00 is exactly 24 hours ahead: allowed.
        Booking.Request(resource, Guid.NewGuid(), At(2, 9, 0, 10, 0), 4, "", new BookerStanding(0), Now).StartsAt.ShouldBe(Now.AddDays(1));
        var tooSoon = new Period(Now.AddHours(23).AddMinutes(30), Now.AddHours(24).AddMinutes(30));
        Refusal(tooSoon).ShouldBe("too_little_notice");
        Refusal(At(16, 10, 0, 11, 0)).ShouldBe("beyond_horizon"); // 15 days ahead
    }

    [Fact]
    public void Slots_hours_closed_dates_capacity_and_the_personal_cap_each_refuse_with_their_code()
    {
        Refusal(At(2, 10, 15, 11, 15)).ShouldBe("off_slot");
        Refusal(At(2, 17, 0, 18, 30)).ShouldBe("outside_opening_hours");
        Refusal(At(3, 10, 0, 11, 0)).ShouldBe("outside_opening_hours"); // Thursday
        Refusal(At(9, 10, 0, 11, 0)).ShouldBe("closed_date");
        Refusal(At(2, 10, 0, 11, 0), attendees: 9).ShouldBe("over_capacity");
        Refusal(At(2, 10, 0, 11, 0), active: 2).ShouldBe("over_personal_cap");
    }

    [Fact]
    public void A_period_a_few_seconds_off_the_slots_is_off_slot_even_when_it_lasts_whole_slots()
    {
        var onSlots = At(2, 10, 0, 11, 0);

        Refusal(new Period(onSlots.Start.AddSeconds(30), onSlots.End.AddSeconds(30))).ShouldBe("off_slot");
        Refusal(new Period(onSlots.Start, onSlots.End.AddMilliseconds(1))).ShouldBe("off_slot");
    }

    [Fact]
    public void The_buffer_is_held_after_the_end_and_automatic_approval_confirms_at_once()
    {
        var booking = Booking.Request(Published(ApprovalMode.Automatic), Guid.NewGuid(), At(2, 10, 0, 11, 0), 4, "", new BookerStanding(0), Now);

        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.BlockedUntil.ShouldBe(At(2, 11, 0, 11, 30).Start.AddMinutes(15));
    }

    [Fact]
    public void Cancelling_frees_a_holding_booking_before_it_starts_and_nothing_else()
    {
        var booking = Booking.Request(Published(), Guid.NewGuid(), At(2, 10, 0, 11, 0), 4, "", new BookerStanding(0), Now);

        Should.Throw<IllegalTransitionException>(() => booking.Cancel(Booker, "늦음", At(2, 10, 0, 11, 0).Start)).Code.ShouldBe("booking_already_started");
        booking.Approve(Owner, Now);
        booking.Cancel(Booker, "일정 변경", Now);
        booking.Status.ShouldBe(BookingStatus.Cancelled);
        booking.IsHolding.ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => booking.Cancel(Booker, null, Now)).Code.ShouldBe("booking_not_cancellable");
        Should.Throw<IllegalTransitionException>(() => booking.Approve(Owner, Now)).Code.ShouldBe("booking_not_pending");
    }
}
