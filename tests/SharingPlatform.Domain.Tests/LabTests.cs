using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Domain.Municipalities;

namespace SharingPlatform.Domain.Tests;

public sealed class LabTimetableTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static LabTimetable Weekdays(params DateOnly[] closed) => LabTimetable.Create(
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .SelectMany(d => new[]
            {
                new WeeklySlot(d, new TimeOnly(9, 0), new TimeOnly(12, 0)),
                new WeeklySlot(d, new TimeOnly(13, 0), new TimeOnly(16, 0)),
                new WeeklySlot(d, new TimeOnly(16, 0), new TimeOnly(19, 0)),
            }),
        closed);

    [Fact]
    public void Slots_follow_the_weekly_timetable_across_weeks_in_Seoul_time_and_skip_closed_dates()
    {
        // Monday 2026-11-30 to Monday 2026-12-14 (two weeks); Wednesday 2026-12-02 closed.
        var timetable = Weekdays(new DateOnly(2026, 12, 2));

        var slots = timetable.SlotsStartingBetween(new DateTimeOffset(2026, 11, 30, 0, 0, 0, Kst), new DateTimeOffset(2026, 12, 14, 0, 0, 0, Kst));

        slots.Count.ShouldBe(9 * 3);
        slots[0].ShouldBe(new LabSlot(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero)));
        slots.ShouldNotContain(s => SeoulTime.DateOf(s.StartsAt) == new DateOnly(2026, 12, 2));
        slots.ShouldNotContain(s => SeoulTime.DateOf(s.StartsAt).DayOfWeek == DayOfWeek.Saturday || SeoulTime.DateOf(s.StartsAt).DayOfWeek == DayOfWeek.Sunday);
        slots[^1].StartsAt.ShouldBe(new DateTimeOffset(2026, 12, 11, 16, 0, 0, Kst));
        slots.ShouldBe(slots.OrderBy(s => s.StartsAt).ToList());
    }

    [Fact]
    public void A_window_cut_inside_a_day_keeps_only_slots_starting_in_it()
    {
        var slots = Weekdays().SlotsStartingBetween(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Kst), new DateTimeOffset(2026, 11, 30, 16, 0, 0, Kst));

        slots.Select(s => s.StartsAt).ShouldBe([new DateTimeOffset(2026, 11, 30, 13, 0, 0, Kst)]);
    }

    [Fact]
    public void Overlapping_or_empty_slots_are_refused()
    {
        Should.Throw<DomainRuleException>(() => LabTimetable.Create(
            [new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new WeeklySlot(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0))], []))
            .Code.ShouldBe("timetable_slots_overlap");
        Should.Throw<DomainRuleException>(() => LabTimetable.Create([new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(9, 0))], []))
            .Code.ShouldBe("timetable_slot_invalid");
    }

    [Fact]
    public void A_slot_is_bookable_only_if_the_timetable_has_it_the_lab_is_open_and_it_has_not_started()
    {
        var lab = LabSessionTests.PublishedLab(Weekdays(new DateOnly(2026, 12, 2)));
        var now = new DateTimeOffset(2026, 11, 30, 10, 0, 0, Kst);

        lab.BookableSlot(new DateTimeOffset(2026, 12, 1, 13, 0, 0, Kst), now).EndsAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 16, 0, 0, Kst));
        Should.Throw<DomainRuleException>(() => lab.BookableSlot(new DateTimeOffset(2026, 12, 1, 14, 0, 0, Kst), now)).Code.ShouldBe("slot_not_in_timetable");
        Should.Throw<DomainRuleException>(() => lab.BookableSlot(new DateTimeOffset(2026, 12, 5, 9, 0, 0, Kst), now)).Code.ShouldBe("slot_not_in_timetable");
        Should.Throw<DomainRuleException>(() => lab.BookableSlot(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Kst), now)).Code.ShouldBe("lab_closed");
        Should.Throw<DomainRuleException>(() => lab.BookableSlot(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Kst), now)).Code.ShouldBe("slot_started");
    }
}

public sealed class QualificationTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, Kst);
    private static readonly Guid Person = Guid.NewGuid();

    private static Equipment LaserCutter() => Equipment.Add(Guid.NewGuid(), new EquipmentDetails("레이저 커터", "LC-40", "", true, "레이저 커터 안전교육"), Now);

    private static LabSlot SlotOn(DateOnly date) => new(SeoulTime.At(date, new TimeOnly(9, 0)), SeoulTime.At(date, new TimeOnly(12, 0)));

    [Fact]
    public void A_qualification_valid_until_the_session_date_is_enough()
    {
        var cutter = LaserCutter();
        var held = Qualification.Grant(cutter, Person, new DateOnly(2026, 12, 3), Guid.NewGuid(), Now);

        held.IsValidOn(new DateOnly(2026, 12, 3)).ShouldBeTrue();
        Should.NotThrow(() => cutter.CheckBookable(SlotOn(new DateOnly(2026, 12, 3)), [held]));
    }

    [Fact]
    public void A_qualification_that_expired_the_day_before_the_session_is_refused_as_expired()
    {
        var cutter = LaserCutter();
        var held = Qualification.Grant(cutter, Person, new DateOnly(2026, 12, 2), Guid.NewGuid(), Now);

        held.IsValidOn(new DateOnly(2026, 12, 3)).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => cutter.CheckBookable(SlotOn(new DateOnly(2026, 12, 3)), [held])).Code.ShouldBe("qualification_expired");
    }

    [Fact]
    public void No_qualification_or_a_revoked_one_is_refused_as_required()
    {
        var cutter = LaserCutter();
        Should.Throw<DomainRuleException>(() => cutter.CheckBookable(SlotOn(new DateOnly(2026, 12, 3)), [])).Code.ShouldBe("qualification_required");

        var revoked = Qualification.Grant(cutter, Person, new DateOnly(2027, 12, 31), Guid.NewGuid(), Now);
        revoked.Revoke(Guid.NewGuid(), "안전수칙 위반", Now);
        Should.Throw<DomainRuleException>(() => cutter.CheckBookable(SlotOn(new DateOnly(2026, 12, 3)), [revoked])).Code.ShouldBe("qualification_required");
        Should.Throw<DomainRuleException>(() => revoked.Revoke(Guid.NewGuid(), "again", Now)).ShouldBeOfType<IllegalTransitionException>();
    }

    [Fact]
    public void Equipment_out_of_service_during_the_slot_is_refused_and_free_equipment_needs_no_qualification()
    {
        var printer = Equipment.Add(Guid.NewGuid(), new EquipmentDetails("3D 프린터", "", "", false, ""), Now);
        var slot = SlotOn(new DateOnly(2026, 12, 3));
        Should.NotThrow(() => printer.CheckBookable(slot, []));

        printer.PutOutOfService(new Period(slot.EndsAt.AddHours(-1), slot.EndsAt.AddDays(1)), "노즐 교체");
        Should.Throw<DomainRuleException>(() => printer.CheckBookable(slot, [])).Code.ShouldBe("equipment_out_of_service");

        printer.PutOutOfService(new Period(slot.EndsAt, slot.EndsAt.AddDays(1)), "노즐 교체");
        Should.NotThrow(() => printer.CheckBookable(slot, []));
    }

    [Fact]
    public void A_grant_in_the_past_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Qualification.Grant(LaserCutter(), Person, new DateOnly(2026, 11, 29), Guid.NewGuid(), Now))
            .Code.ShouldBe("valid_until_past");
    }
}

public sealed class LabSessionTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, Kst);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 13, 0, 0, Kst);
    private static readonly Guid Booker = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Guid Cutter = Guid.NewGuid();

    public static Lab PublishedLab(LabTimetable timetable)
    {
        var lab = Lab.CreateDraft(Guid.NewGuid(), new LabDetails("메이커 스페이스", "", Municipality.Jeonju, "전주시", "보호안경 착용", 4), timetable, Manager, Now);
        lab.Submit(Now);
        lab.Approve();
        return lab;
    }

    private static LabBooking Booked()
    {
        var lab = PublishedLab(LabTimetableTests.Weekdays());
        return LabBooking.Book(lab, lab.BookableSlot(Start, Now), Booker, [Cutter, Cutter], Now);
    }

    [Fact]
    public void A_session_takes_the_slot_and_each_piece_of_equipment_once()
    {
        var booking = Booked();

        booking.Status.ShouldBe(LabBookingStatus.Booked);
        booking.SlotEndsAt.ShouldBe(Start.AddHours(3));
        booking.Equipment.Count.ShouldBe(1);
        booking.Equipment[0].SlotStartsAt.ShouldBe(Start);
    }

    [Fact]
    public void The_booker_cancels_until_the_slot_starts_and_the_equipment_is_released()
    {
        var booking = Booked();
        Should.Throw<IllegalTransitionException>(() => Booked().Cancel(Booker, false, null, Start)).Code.ShouldBe("lab_booking_already_started");

        booking.Cancel(Booker, false, null, Start.AddTicks(-1));

        booking.Status.ShouldBe(LabBookingStatus.Cancelled);
        booking.Equipment.ShouldAllBe(e => e.Released);
        Should.Throw<IllegalTransitionException>(() => booking.Cancel(Booker, false, null, Now)).Code.ShouldBe("lab_booking_not_cancellable");
    }

    [Fact]
    public void A_manager_cancels_with_a_reason_even_after_the_start()
    {
        Should.Throw<DomainRuleException>(() => Booked().Cancel(Manager, true, " ", Now)).Code.ShouldBe("reason_required");

        var booking = Booked();
        booking.Cancel(Manager, true, "정전", Start.AddMinutes(5));

        booking.Status.ShouldBe(LabBookingStatus.Cancelled);
        booking.StatusReason.ShouldBe("정전");
    }

    [Fact]
    public void Check_in_opens_fifteen_minutes_before_the_slot_and_closes_at_its_end()
    {
        Should.Throw<IllegalTransitionException>(() => Booked().CheckIn(Manager, Start.AddMinutes(-16))).Code.ShouldBe("check_in_closed");
        Should.Throw<IllegalTransitionException>(() => Booked().CheckIn(Manager, Start.AddHours(3))).Code.ShouldBe("check_in_closed");

        var booking = Booked();
        booking.CheckIn(Manager, Start.AddMinutes(-15));

        booking.Status.ShouldBe(LabBookingStatus.CheckedIn);
        Should.Throw<IllegalTransitionException>(() => booking.CheckIn(Manager, Start)).Code.ShouldBe("lab_booking_not_booked");
        Should.Throw<IllegalTransitionException>(() => booking.Cancel(Booker, false, null, Now)).Code.ShouldBe("lab_booking_not_cancellable");
    }

    [Fact]
    public void A_session_not_checked_in_becomes_a_no_show_exactly_fifteen_minutes_after_the_start()
    {
        var booking = Booked();
        booking.IsNoShowAt(Start.AddMinutes(15).AddTicks(-1)).ShouldBeFalse();
        Should.Throw<IllegalTransitionException>(() => booking.MarkNoShow(Start.AddMinutes(14))).Code.ShouldBe("lab_booking_not_no_show");

        booking.MarkNoShow(Start.AddMinutes(15));

        booking.Status.ShouldBe(LabBookingStatus.NoShow);
        booking.Equipment.ShouldAllBe(e => e.Released);
    }

    [Fact]
    public void A_checked_in_session_is_never_a_no_show()
    {
        var booking = Booked();
        booking.CheckIn(Manager, Start);

        booking.IsNoShowAt(Start.AddMinutes(30)).ShouldBeFalse();
    }

    [Fact]
    public void Usage_defaults_to_the_slot_and_completes_the_session()
    {
        var booking = Booked();
        Should.Throw<IllegalTransitionException>(() => booking.RecordUsage(Manager, new Dictionary<Guid, int>(), Start)).Code.ShouldBe("lab_booking_not_checked_in");
        booking.CheckIn(Manager, Start.AddMinutes(-5));
        Should.Throw<DomainRuleException>(() => booking.RecordUsage(Manager, new Dictionary<Guid, int>(), Start.AddMinutes(-1))).Code.ShouldBe("usage_before_start");
        Should.Throw<DomainRuleException>(() => booking.RecordUsage(Manager, new Dictionary<Guid, int> { [Cutter] = 181 }, Start.AddHours(3))).Code.ShouldBe("usage_minutes_invalid");
        Should.Throw<DomainRuleException>(() => booking.RecordUsage(Manager, new Dictionary<Guid, int> { [Guid.NewGuid()] = 10 }, Start.AddHours(3))).Code.ShouldBe("equipment_not_in_session");

        booking.RecordUsage(Manager, new Dictionary<Guid, int>(), Start.AddHours(3));

        booking.Status.ShouldBe(LabBookingStatus.Completed);
        booking.Equipment.Single().UsageMinutes.ShouldBe(180);
    }

    [Fact]
    public void Equipment_dropped_for_maintenance_leaves_the_seat()
    {
        var booking = Booked();

        booking.DropEquipment(Cutter, Now).ShouldBeTrue();
        booking.DropEquipment(Cutter, Now).ShouldBeFalse();

        booking.Status.ShouldBe(LabBookingStatus.Booked);
        booking.Equipment.Single().Released.ShouldBeTrue();
    }
}

public sealed class LabPhotoRuleTests
{
    [Fact]
    public void A_lab_has_at_most_eight_photos_and_removing_one_moves_the_later_ones_up()
    {
        var now = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(9));
        var lab = LabSessionTests.PublishedLab(LabTimetableTests.Weekdays());
        var photos = Enumerable.Range(0, Lab.MaxPhotos).Select(i => lab.AddPhoto($"p{i}.webp", $"p{i}-thumb.webp", now)).ToList();

        Should.Throw<DomainRuleException>(() => lab.AddPhoto("p8.webp", "p8-thumb.webp", now)).Code.ShouldBe("too_many_photos");
        lab.RemovePhoto(photos[2].Id).FileName.ShouldBe("p2.webp");

        lab.Photos.OrderBy(p => p.Position).Select(p => p.FileName).ShouldBe(["p0.webp", "p1.webp", "p3.webp", "p4.webp", "p5.webp", "p6.webp", "p7.webp"]);
        lab.Photos.Select(p => p.Position).Order().ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        Should.Throw<DomainRuleException>(() => lab.RemovePhoto(photos[2].Id)).Code.ShouldBe("no_such_photo");
    }
}
