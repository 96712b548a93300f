using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Loans;
using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Domain.Tests;

public sealed class UnitOutageTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, Kst);
    private static readonly Guid Desk = Guid.NewGuid();

    private static SharedResource Drills(string[]? labels = null)
    {
        var lending = LendingPolicy.Create(units: 3, labels, maxLoanDays: 3, maxUnitsPerPerson: 2, minNoticeDays: 0, horizonDays: 30, depositWon: 0,
            ApprovalMode.Automatic);
        var policy = BookingPolicy.Create(ApprovalMode.Automatic, 60, 60, 60, 0, 14, 0, false, 1,
            Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0))), []);
        return SharedResource.CreateDraft(Guid.NewGuid(),
            new ResourceDetails(ResourceCategory.Goods, "Drills", "", Municipality.Jeonju, "Jeonju", null, null, ""), policy, Now, lending);
    }

    private static DateOnly Day(int day) => new(2026, 12, day);

    private static string Refusal(int units, int first, int last, string? label = null, string reason = "broken", SharedResource? resource = null) =>
        Should.Throw<DomainRuleException>(() => UnitOutage.Start(resource ?? Drills(), units, label, Day(first), Day(last), reason, Desk, Now)).Code;

    [Fact]
    public void An_outage_takes_whole_days_from_today_on_with_a_reason_and_names_a_labelled_unit_as_the_resource_spells_it()
    {
        var outage = UnitOutage.Start(Drills(["D-1", "D-2", "D-3"]), 1, " d-2 ", Day(1), Day(3), " chuck broken ", Desk, Now);

        outage.Days.ShouldBe([Day(1), Day(2), Day(3)]);
        outage.UnitLabel.ShouldBe("D-2");
        outage.Reason.ShouldBe("chuck broken");
        outage.IsCurrentAt(Now).ShouldBeTrue();
    }

    [Fact]
    public void Units_days_labels_and_reason_are_checked_at_their_edges()
    {
        Refusal(0, 2, 2).ShouldBe("outage_units_invalid");
        Refusal(4, 2, 2).ShouldBe("outage_units_invalid");
        UnitOutage.Start(Drills(), 3, null, Day(2), Day(2), "all lost", Desk, Now).Units.ShouldBe(3);
        Refusal(2, 2, 2, label: "D-1", resource: Drills(["D-1", "D-2", "D-3"])).ShouldBe("outage_units_invalid");
        Refusal(1, 2, 2, label: "D-9", resource: Drills(["D-1", "D-2", "D-3"])).ShouldBe("unit_label_unknown");
        Refusal(1, 2, 2, label: "D-1").ShouldBe("unit_label_unknown");
        Refusal(1, 30, 29).ShouldBe("outage_days_invalid");
        Should.Throw<DomainRuleException>(() => UnitOutage.Start(Drills(), 1, null, Day(1).AddDays(-1), Day(1), "late", Desk, Now))
            .Code.ShouldBe("outage_days_invalid");
        Should.Throw<DomainRuleException>(() => UnitOutage.Start(Drills(), 1, null, Day(1), Day(1).AddDays(UnitOutage.MaxDays), "long", Desk, Now))
            .Code.ShouldBe("outage_days_invalid");
        UnitOutage.Start(Drills(), 1, null, Day(1), Day(1).AddDays(UnitOutage.MaxDays - 1), "long", Desk, Now).Days.Count().ShouldBe(UnitOutage.MaxDays);
        Refusal(1, 2, 2, reason: "  ").ShouldBe("reason_required");
    }

    [Fact]
    public void Back_in_service_frees_the_days_from_today_or_from_the_first_day_and_only_once()
    {
        var started = UnitOutage.Start(Drills(), 1, null, Day(1), Day(5), "broken", Desk, Now);
        var later = UnitOutage.Start(Drills(), 1, null, Day(4), Day(5), "service", Desk, Now);

        started.End(Now.AddDays(2)).ShouldBe(Day(3));
        later.End(Now).ShouldBe(Day(4));
        started.IsCurrentAt(Now.AddDays(2)).ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => started.End(Now.AddDays(2))).Code.ShouldBe("outage_over");
        var past = UnitOutage.Start(Drills(), 1, null, Day(1), Day(2), "broken", Desk, Now);
        Should.Throw<IllegalTransitionException>(() => past.End(Now.AddDays(2))).Code.ShouldBe("outage_over");
    }
}
