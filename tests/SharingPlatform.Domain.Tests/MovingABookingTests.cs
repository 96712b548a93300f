using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class MovingABookingTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, Kst);
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, Kst);
    private static readonly Guid Booker = Guid.NewGuid();

    private static SharedResource Resource(ApprovalMode approval)
    {
        var policy = BookingPolicy.Create(approval, 30, 60, 180, 0, 14, 30, false, 3,
            [new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(18, 0))], []);
        var resource = SharedResource.CreateDraft(Guid.NewGuid(),
            new ResourceDetails(ResourceCategory.Space, "공유 부엌", "", Municipality.Wanju, "완주군", 6, null, ""), policy, Now);
        resource.Submit(Now);
        resource.Approve();
        return resource;
    }

    private static Booking Book(SharedResource resource) =>
        Booking.Request(resource, Booker, new Period(Start, Start.AddHours(1)), 2, "", new BookerStanding(0), Now);

    [Fact]
    public void A_moved_booking_takes_the_new_period_with_its_buffer_and_records_the_move()
    {
        var resource = Resource(ApprovalMode.Automatic);
        var booking = Book(resource);

        booking.Move(resource, new Period(Start.AddHours(3), Start.AddHours(5)), null, Booker, Now);

        booking.StartsAt.ShouldBe(Start.AddHours(3));
        booking.EndsAt.ShouldBe(Start.AddHours(5));
        booking.BlockedUntil.ShouldBe(Start.AddHours(5).AddMinutes(30));
        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.History[^1].Reason.ShouldBe("2026-12-02 10:00–11:00 → 2026-12-02 13:00–15:00");
    }

    [Fact]
    public void Where_the_owner_approves_requests_a_moved_confirmed_booking_waits_for_approval_again()
    {
        var resource = Resource(ApprovalMode.Manual);
        var booking = Book(resource);
        booking.Approve(Guid.NewGuid(), Now);

        booking.Move(resource, new Period(Start.AddHours(1), Start.AddHours(2)), null, Booker, Now);

        booking.Status.ShouldBe(BookingStatus.Pending);
    }

    [Fact]
    public void A_move_is_checked_against_every_rule_of_the_policy()
    {
        var resource = Resource(ApprovalMode.Automatic);
        var booking = Book(resource);

        Should.Throw<DomainRuleException>(() => booking.Move(resource, new Period(Start.AddHours(8), Start.AddHours(9)), null, Booker, Now))
            .Code.ShouldBe("outside_opening_hours");
        Should.Throw<DomainRuleException>(() => booking.Move(resource, new Period(Start, Start.AddHours(4)), null, Booker, Now))
            .Code.ShouldBe("too_long");
        Should.Throw<DomainRuleException>(() => booking.Move(resource, new Period(Start, Start.AddHours(1)), Now.AddDays(3), Booker, Now))
            .Code.ShouldBe("booking_paused");
        booking.StartsAt.ShouldBe(Start);
    }

    [Fact]
    public void A_started_or_cancelled_booking_cannot_be_moved()
    {
        var resource = Resource(ApprovalMode.Automatic);
        var later = new Period(Start.AddHours(2), Start.AddHours(3));

        Should.Throw<IllegalTransitionException>(() => Book(resource).Move(resource, later, null, Booker, Start))
            .Code.ShouldBe("booking_already_started");
        var cancelled = Book(resource);
        cancelled.Cancel(Booker, null, Now);
        Should.Throw<IllegalTransitionException>(() => cancelled.Move(resource, later, null, Booker, Now))
            .Code.ShouldBe("booking_not_movable");
    }
}
