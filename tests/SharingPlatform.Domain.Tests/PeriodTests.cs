using SharingPlatform.Domain.Common;

namespace SharingPlatform.Domain.Tests;

public sealed class PeriodTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 5, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_period_is_stored_in_UTC_whatever_offset_it_arrives_with()
    {
        var period = new Period(Nine, Nine.AddHours(2));

        period.Start.Offset.ShouldBe(TimeSpan.Zero);
        period.Start.ShouldBe(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));
        period.Duration.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void A_period_that_does_not_end_after_it_starts_is_refused()
    {
        Should.Throw<DomainRuleException>(() => new Period(Nine, Nine)).Code.ShouldBe("period_not_positive");
        Should.Throw<DomainRuleException>(() => new Period(Nine, Nine.AddMinutes(-30))).Code.ShouldBe("period_not_positive");
    }

    [Fact]
    public void Back_to_back_periods_do_not_overlap_because_the_end_is_excluded()
    {
        var morning = new Period(Nine, Nine.AddHours(3));
        var afternoon = new Period(Nine.AddHours(3), Nine.AddHours(6));

        morning.Overlaps(afternoon).ShouldBeFalse();
        morning.Contains(Nine.AddHours(3)).ShouldBeFalse();
        morning.Contains(Nine).ShouldBeTrue();
    }

    [Fact]
    public void Periods_sharing_any_minute_overlap()
    {
        var morning = new Period(Nine, Nine.AddHours(3));

        morning.Overlaps(new Period(Nine.AddHours(2).AddMinutes(59), Nine.AddHours(4))).ShouldBeTrue();
        morning.Overlaps(new Period(Nine.AddHours(1), Nine.AddHours(2))).ShouldBeTrue();
        new Period(Nine.AddHours(-1), Nine.AddMinutes(1)).Overlaps(morning).ShouldBeTrue();
    }
}
