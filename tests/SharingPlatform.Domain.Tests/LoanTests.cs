using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Loans;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class LoanTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, Kst); // a Tuesday
    private static readonly Guid Borrower = Guid.NewGuid();
    private static readonly Guid Desk = Guid.NewGuid();

    private static LendingPolicy Lending(ApprovalMode mode = ApprovalMode.Automatic, string[]? labels = null) =>
        LendingPolicy.Create(units: 3, labels, maxLoanDays: 3, maxUnitsPerPerson: 2, minNoticeDays: 1, horizonDays: 14, depositWon: 10_000, mode);

    /// <summary>A tent library open on weekdays, closed on Wednesday 9 December.</summary>
    private static SharedResource Tents(LendingPolicy? lending = null)
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0)));
        var policy = BookingPolicy.Create(ApprovalMode.Automatic, 60, 60, 60, 0, 14, 0, false, 1, weekdays, [new DateOnly(2026, 12, 9)]);
        var resource = SharedResource.CreateDraft(Guid.NewGuid(),
            new ResourceDetails(ResourceCategory.Goods, "Tents", "", Municipality.Wanju, "Wanju", null, null, ""), policy, Now, lending ?? Lending());
        resource.Submit(Now);
        resource.Approve();
        return resource;
    }

    private static DateOnly Day(int day) => new(2026, 12, day);

    private static Loan Borrow(int units = 2, int from = 2, int to = 4, SharedResource? resource = null, int held = 0) =>
        Loan.Request(resource ?? Tents(), Borrower, units, Day(from), Day(to), " camping ", new LoanStanding(held), Now);

    private static string Refusal(int units = 2, int from = 2, int to = 4, int held = 0, SharedResource? resource = null) =>
        Should.Throw<DomainRuleException>(() => Borrow(units, from, to, resource, held)).Code;

    [Fact]
    public void A_loan_takes_whole_days_from_pickup_to_return_and_is_confirmed_at_once_under_automatic_approval()
    {
        var loan = Borrow();

        loan.Status.ShouldBe(LoanStatus.Confirmed);
        loan.Days.ShouldBe([Day(2), Day(3), Day(4)]);
        loan.DepositWon.ShouldBe(20_000);
        loan.Purpose.ShouldBe("camping");
        Borrow(resource: Tents(Lending(ApprovalMode.Manual))).Status.ShouldBe(LoanStatus.Requested);
    }

    [Fact]
    public void Notice_horizon_and_length_are_checked_at_their_edges()
    {
        Refusal(from: 1, to: 1).ShouldBe("too_little_notice"); // today, one day of notice needed
        Borrow(units: 1, from: 14, to: 14).PickupOn.ShouldBe(Day(14)); // 13 days ahead
        Refusal(units: 1, from: 14, to: 15).ShouldBe("beyond_horizon");
        Refusal(from: 2, to: 5).ShouldBe("too_long"); // four days
        Refusal(from: 4, to: 3).ShouldBe("return_before_pickup");
    }

    [Fact]
    public void Units_the_personal_cap_and_the_desk_days_each_refuse_with_their_code()
    {
        Refusal(units: 3).ShouldBe("too_many_units");
        Refusal(units: 0).ShouldBe("too_many_units");
        Refusal(units: 1, held: 2).ShouldBe("over_personal_cap");
        Refusal(from: 9, to: 10).ShouldBe("closed_on_pickup");
        Refusal(from: 7, to: 9).ShouldBe("closed_on_return");
        Refusal(from: 5, to: 7).ShouldBe("closed_on_pickup"); // a Saturday
    }

    [Fact]
    public void Inconsistent_lending_is_refused_with_its_code()
    {
        string Code(Func<LendingPolicy> create) => Should.Throw<DomainRuleException>(create).Code;

        Code(() => LendingPolicy.Create(0, null, 3, 1, 0, 14, 0, ApprovalMode.Automatic)).ShouldBe("units_invalid");
        Code(() => LendingPolicy.Create(2, ["A"], 3, 1, 0, 14, 0, ApprovalMode.Automatic)).ShouldBe("unit_labels_invalid");
        Code(() => LendingPolicy.Create(2, ["A", "a"], 3, 1, 0, 14, 0, ApprovalMode.Automatic)).ShouldBe("unit_labels_invalid");
        Code(() => LendingPolicy.Create(2, null, 3, 3, 0, 14, 0, ApprovalMode.Automatic)).ShouldBe("max_units_per_person_invalid");
        Code(() => LendingPolicy.Create(2, null, 0, 1, 0, 14, 0, ApprovalMode.Automatic)).ShouldBe("max_loan_days_invalid");
        Code(() => LendingPolicy.Create(2, null, 3, 1, 14, 14, 0, ApprovalMode.Automatic)).ShouldBe("lending_horizon_invalid");
        Code(() => LendingPolicy.Create(2, null, 3, 1, 0, 14, -1, ApprovalMode.Automatic)).ShouldBe("deposit_invalid");
    }

    [Fact]
    public void The_desk_hands_over_on_the_pickup_day_by_label_and_takes_back_in_parts()
    {
        var loan = Borrow(resource: Tents(Lending(labels: ["T1", "T2", "T3"])));
        var lending = Lending(labels: ["T1", "T2", "T3"]);
        var pickupMorning = new DateTimeOffset(2026, 12, 2, 9, 0, 0, Kst);

        Should.Throw<DomainRuleException>(() => loan.HandOver(Desk, lending, ["T1", "T3"], null, true, pickupMorning.AddDays(-1))).Code.ShouldBe("before_pickup_day");
        Should.Throw<DomainRuleException>(() => loan.HandOver(Desk, lending, ["T1", "T9"], null, true, pickupMorning)).Code.ShouldBe("unit_labels_mismatch");
        loan.HandOver(Desk, lending, ["T1", "T3"], "clean", depositReceived: true, pickupMorning);
        loan.Status.ShouldBe(LoanStatus.Out);
        loan.UnitLabels.ShouldBe(["T1", "T3"]);

        loan.TakeBack(Desk, 1, "fine", damaged: false, depositReturned: true, null, pickupMorning.AddDays(1));
        loan.Status.ShouldBe(LoanStatus.Out);
        loan.UnitsReturned.ShouldBe(1);
        Should.Throw<DomainRuleException>(() => loan.TakeBack(Desk, 2, null, false, true, null, pickupMorning.AddDays(2))).Code.ShouldBe("return_units_invalid");
        Should.Throw<DomainRuleException>(() => loan.TakeBack(Desk, 1, "torn", true, depositReturned: false, null, pickupMorning.AddDays(2))).Code.ShouldBe("reason_required");
        loan.TakeBack(Desk, 1, "torn", damaged: true, depositReturned: false, "repair cost", pickupMorning.AddDays(2));
        loan.Status.ShouldBe(LoanStatus.Returned);
        loan.Damaged.ShouldBeTrue();
        loan.DepositReturned.ShouldBe(false);
        loan.History[^1].Note.ShouldBe("torn / repair cost");
    }

    [Fact]
    public void A_loan_is_overdue_from_the_morning_after_its_return_day_and_lost_only_two_weeks_later()
    {
        var loan = Borrow();
        loan.HandOver(Desk, Lending(), null, null, false, new DateTimeOffset(2026, 12, 2, 10, 0, 0, Kst));
        var endOfReturnDay = new DateTimeOffset(2026, 12, 5, 0, 0, 0, Kst);

        loan.IsOverdueAt(endOfReturnDay.AddTicks(-1)).ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => loan.MarkOverdue(endOfReturnDay.AddTicks(-1))).Code.ShouldBe("loan_not_overdue");
        loan.MarkOverdue(endOfReturnDay);
        loan.Status.ShouldBe(LoanStatus.Overdue);
        loan.IsHolding.ShouldBeTrue();

        Should.Throw<DomainRuleException>(() => loan.MarkLost(Desk, "gone", endOfReturnDay.AddDays(14).AddTicks(-1))).Code.ShouldBe("too_early_to_mark_lost");
        loan.MarkLost(Desk, "gone", endOfReturnDay.AddDays(14));
        loan.Status.ShouldBe(LoanStatus.Lost);
        loan.IsHolding.ShouldBeFalse();
    }

    [Fact]
    public void Only_a_loan_not_yet_out_can_be_cancelled_or_rejected()
    {
        var requested = Borrow(resource: Tents(Lending(ApprovalMode.Manual)));
        Should.Throw<DomainRuleException>(() => requested.Reject(Desk, " ", Now)).Code.ShouldBe("reason_required");
        requested.Reject(Desk, "all booked for a festival", Now);
        requested.IsHolding.ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => requested.Approve(Desk, Now)).Code.ShouldBe("loan_not_requested");

        var confirmed = Borrow();
        confirmed.Cancel(Borrower, null, Now);
        confirmed.Status.ShouldBe(LoanStatus.Cancelled);

        var taken = Borrow();
        taken.HandOver(Desk, Lending(), null, null, false, new DateTimeOffset(2026, 12, 2, 10, 0, 0, Kst));
        Should.Throw<IllegalTransitionException>(() => taken.Cancel(Borrower, null, Now)).Code.ShouldBe("loan_not_cancellable");
    }

    [Fact]
    public void A_resource_booked_by_the_slot_lends_nothing()
    {
        var rooms = Tents();
        rooms.Edit(new ResourceDetails(ResourceCategory.Space, "Room", "", Municipality.Wanju, "Wanju", 4, null, ""), rooms.Policy, Now);

        rooms.SharingMode.ShouldBe(SharingMode.Slots);
        Refusal(resource: rooms).ShouldBe("resource_not_lent");
    }

    [Fact]
    public void An_overdue_loan_holds_its_units_still_out_after_the_return_day_once_per_day_and_frees_them_from_a_day()
    {
        var loan = Borrow(units: 2, from: 2, to: 3);
        Should.Throw<IllegalTransitionException>(() => loan.HoldLate(Day(5))).Code.ShouldBe("loan_not_overdue");
        loan.HandOver(Desk, Lending(), null, null, false, Now.AddDays(1));
        loan.TakeBack(Desk, 1, null, false, true, null, Now.AddDays(2));
        loan.MarkOverdue(new DateTimeOffset(2026, 12, 4, 0, 1, 0, Kst));

        loan.HoldLate(Day(5)).ShouldBe((Day(4), Day(5)));
        loan.UnitsStillOut.ShouldBe(1);
        loan.HoldLate(Day(5)).ShouldBeNull();
        loan.HoldLate(Day(6)).ShouldBe((Day(6), Day(6)));
        loan.HeldThrough.ShouldBe(Day(6));
        loan.LateDaysFrom(Day(5)).ShouldBe((Day(5), Day(6)));
        loan.LateDaysFrom(Day(2)).ShouldBe((Day(4), Day(6)));
        loan.LateDaysFrom(Day(7)).ShouldBeNull();
        Borrow().LateDaysFrom(Day(2)).ShouldBeNull();
    }
}
