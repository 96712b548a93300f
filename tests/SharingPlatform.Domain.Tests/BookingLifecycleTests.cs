using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class BookingLifecycleTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, Kst);
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, Kst);
    private static readonly Guid Booker = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();

    private static Booking Confirmed(bool requiresCheckIn = true)
    {
        var policy = BookingPolicy.Create(ApprovalMode.Automatic, 30, 60, 180, 0, 14, 0, requiresCheckIn, 3,
            [new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(18, 0))], []);
        var resource = SharedResource.CreateDraft(Guid.NewGuid(),
            new ResourceDetails(ResourceCategory.Space, "공유 부엌", "", Municipality.Wanju, "완주군", 6, null, ""), policy, Now);
        resource.Submit(Now);
        resource.Approve();
        return Booking.Request(resource, Booker, new Period(Start, Start.AddHours(1)), 2, "", new BookerStanding(0), Now);
    }

    [Fact]
    public void Check_in_opens_fifteen_minutes_before_the_start_and_closes_at_the_end()
    {
        Should.Throw<IllegalTransitionException>(() => Confirmed().CheckIn(Owner, Start.AddMinutes(-16))).Code.ShouldBe("check_in_closed");
        Should.Throw<IllegalTransitionException>(() => Confirmed().CheckIn(Owner, Start.AddHours(1))).Code.ShouldBe("check_in_closed");

        var booking = Confirmed();
        booking.CheckIn(Owner, Start.AddMinutes(-15));

        booking.Status.ShouldBe(BookingStatus.CheckedIn);
        booking.CheckedInAt.ShouldBe(Start.AddMinutes(-15));
        Should.Throw<IllegalTransitionException>(() => booking.CheckIn(Owner, Start)).Code.ShouldBe("booking_not_confirmed");
    }

    [Fact]
    public void A_booking_that_needs_check_in_is_a_no_show_exactly_fifteen_minutes_after_its_start()
    {
        var booking = Confirmed();

        booking.IsNoShowAt(Start.AddMinutes(15).AddTicks(-1)).ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => booking.MarkNoShow(Start.AddMinutes(14)));
        booking.MarkNoShow(Start.AddMinutes(15));

        booking.Status.ShouldBe(BookingStatus.NoShow);
        booking.IsHolding.ShouldBeFalse();
        booking.History[^1].ActorId.ShouldBeNull();
    }

    [Fact]
    public void Without_check_in_a_booking_is_completed_at_its_end_and_never_a_no_show()
    {
        var booking = Confirmed(requiresCheckIn: false);

        booking.IsNoShowAt(Start.AddHours(2)).ShouldBeFalse();
        booking.IsCompleteAt(Start.AddMinutes(59)).ShouldBeFalse();
        booking.Complete(Start.AddHours(1));

        booking.Status.ShouldBe(BookingStatus.Completed);
    }

    [Fact]
    public void With_check_in_only_a_checked_in_booking_is_completed()
    {
        var notCheckedIn = Confirmed();
        notCheckedIn.IsCompleteAt(Start.AddHours(1)).ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => notCheckedIn.Complete(Start.AddHours(1))).Code.ShouldBe("booking_not_completable");

        var checkedIn = Confirmed();
        checkedIn.CheckIn(Owner, Start);
        checkedIn.Complete(Start.AddHours(1));
        checkedIn.Status.ShouldBe(BookingStatus.Completed);
    }

    [Fact]
    public void Finished_bookings_refuse_every_further_move()
    {
        var cancelled = Confirmed();
        cancelled.Cancel(Booker, null, Now);

        Should.Throw<IllegalTransitionException>(() => cancelled.Approve(Owner, Now));
        Should.Throw<IllegalTransitionException>(() => cancelled.Reject(Owner, "x", Now));
        Should.Throw<IllegalTransitionException>(() => cancelled.CheckIn(Owner, Start));
        Should.Throw<IllegalTransitionException>(() => cancelled.MarkNoShow(Start.AddHours(1)));
        Should.Throw<IllegalTransitionException>(() => cancelled.Complete(Start.AddHours(2)));
        Should.Throw<IllegalTransitionException>(() => cancelled.Cancel(Booker, null, Now));
    }

    [Fact]
    public void Every_change_is_kept_with_who_when_and_why()
    {
        var booking = Confirmed();
        booking.Cancel(Owner, "  시설 점검  ", Now.AddHours(1));

        booking.History.Select(c => (c.Status, c.ActorId, c.Reason)).ShouldBe(
            [(BookingStatus.Confirmed, (Guid?)Booker, (string?)null), (BookingStatus.Cancelled, Owner, "시설 점검")]);
        booking.History[1].At.ShouldBe(Now.AddHours(1));
        booking.StatusReason.ShouldBe("시설 점검");
    }

    [Fact]
    public void A_paused_booker_is_refused_until_the_pause_ends()
    {
        var policy = BookingPolicy.Create(ApprovalMode.Automatic, 30, 60, 180, 0, 14, 0, false, 3,
            [new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(18, 0))], []);
        var resource = SharedResource.CreateDraft(Guid.NewGuid(),
            new ResourceDetails(ResourceCategory.Space, "공유 부엌", "", Municipality.Wanju, "완주군", 6, null, ""), policy, Now);
        resource.Submit(Now);
        resource.Approve();
        var period = new Period(Start, Start.AddHours(1));

        var refused = Should.Throw<DomainRuleException>(() => Booking.Request(resource, Booker, period, 2, "", new BookerStanding(0, Now.AddMinutes(1)), Now));
        refused.Code.ShouldBe("booking_paused");
        refused.Arguments.ShouldBe(["2026-12-01 09:01"]);
        Booking.Request(resource, Booker, period, 2, "", new BookerStanding(0, Now), Now).Status.ShouldBe(BookingStatus.Confirmed);
    }
}
