using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Labs;

namespace SharingPlatform.Domain.Tests;

public sealed class LabBookingLimitsTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, Kst);

    private static Lab NewLab() => LabSessionTests.PublishedLab(LabTimetableTests.Weekdays());

    [Fact]
    public void A_new_lab_opens_sixty_days_ahead_with_an_hour_of_notice_and_four_active_sessions_per_person()
    {
        var lab = NewLab();

        (lab.BookingHorizonDays, lab.MinNoticeMinutes, lab.MaxActiveSessionsPerPerson).ShouldBe((60, 60, 4));
    }

    [Fact]
    public void A_slot_at_or_beyond_the_horizon_is_refused()
    {
        var lab = NewLab();

        lab.CheckHorizon(Now.AddDays(59), Now);
        Should.Throw<DomainRuleException>(() => lab.CheckHorizon(Now.AddDays(60), Now)).Code.ShouldBe("beyond_horizon");
        Should.Throw<DomainRuleException>(() => lab.CheckHorizon(DateTimeOffset.MaxValue, Now)).Code.ShouldBe("beyond_horizon");
    }

    [Fact]
    public void A_slot_starting_within_the_notice_is_refused()
    {
        var lab = NewLab();
        var slot = lab.BookableSlot(new DateTimeOffset(2026, 11, 30, 13, 0, 0, Kst), Now);

        lab.CheckNotice(slot, Now.AddHours(2));
        Should.Throw<DomainRuleException>(() => lab.CheckNotice(slot, Now.AddHours(2).AddMinutes(1))).Code.ShouldBe("too_little_notice");
    }

    [Fact]
    public void A_person_holding_the_cap_of_active_sessions_books_no_more()
    {
        var lab = NewLab();

        lab.CheckPersonalCap(3);
        Should.Throw<DomainRuleException>(() => lab.CheckPersonalCap(4)).Code.ShouldBe("over_personal_cap");
    }

    [Fact]
    public void Managers_set_the_limits_within_their_bounds()
    {
        var lab = NewLab();

        lab.SetBookingLimits(14, 0, 1, Now);

        (lab.BookingHorizonDays, lab.MinNoticeMinutes, lab.MaxActiveSessionsPerPerson).ShouldBe((14, 0, 1));
        Should.Throw<DomainRuleException>(() => lab.SetBookingLimits(366, 0, 1, Now)).Code.ShouldBe("horizon_invalid");
        Should.Throw<DomainRuleException>(() => lab.SetBookingLimits(14, -1, 1, Now)).Code.ShouldBe("min_notice_invalid");
        Should.Throw<DomainRuleException>(() => lab.SetBookingLimits(14, 0, 0, Now)).Code.ShouldBe("per_person_cap_invalid");
    }

    [Fact]
    public void A_meeting_more_than_a_year_ahead_is_refused()
    {
        var circle = CircleMembershipTests.NewCircle();
        var place = new MeetingPlace("전주 공유센터 2층");
        var far = new Period(Now.AddDays(365), Now.AddDays(365).AddHours(2));

        Should.Throw<DomainRuleException>(() => Meeting.Schedule(circle, Guid.NewGuid(), "모임", null, far, 10, place, Now)).Code.ShouldBe("beyond_horizon");
        Meeting.Schedule(circle, Guid.NewGuid(), "모임", null, new Period(Now.AddDays(364), Now.AddDays(364).AddHours(2)), 10, place, Now)
            .StartsAt.ShouldBe(Now.AddDays(364));
    }
}
