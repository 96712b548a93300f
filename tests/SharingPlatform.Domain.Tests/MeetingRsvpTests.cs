using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Common;

namespace SharingPlatform.Domain.Tests;

public sealed class MeetingRsvpTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid HostId = Guid.NewGuid();
    private static readonly Period NextWeek = new(Now.AddDays(7), Now.AddDays(7).AddHours(2));

    private static Meeting NewMeeting(int capacity = 2, MeetingPlace? place = null) =>
        Meeting.Schedule(CircleMembershipTests.NewCircle(), HostId, "3주차 모임", "2장 읽기", NextWeek, capacity, place ?? new MeetingPlace("전주 공유센터 2층"), Now);

    /// <summary>Answers in order, each numbered as the database would number its arrival.</summary>
    private static List<Rsvp> AnswerInOrder(Meeting meeting, int count)
    {
        var rsvps = new List<Rsvp>();
        for (var i = 0; i < count; i++)
            rsvps.Add(meeting.Answer(Guid.NewGuid(), rsvps.Count(r => r.Status == RsvpStatus.Going), Now).Arrived(i + 1));
        return rsvps;
    }

    [Fact]
    public void Members_go_while_there_is_room_then_are_waitlisted()
    {
        var rsvps = AnswerInOrder(NewMeeting(capacity: 2), 4);

        rsvps.Select(r => r.Status).ShouldBe([RsvpStatus.Going, RsvpStatus.Going, RsvpStatus.Waitlisted, RsvpStatus.Waitlisted]);
    }

    [Fact]
    public void A_freed_place_goes_to_the_first_waitlisted_by_arrival_not_by_list_order()
    {
        var meeting = NewMeeting(capacity: 1);
        var rsvps = AnswerInOrder(meeting, 4);
        rsvps[0].Cancel(meeting, Now);

        var shuffled = new[] { rsvps[3], rsvps[2], rsvps[1], rsvps[0] };
        var promoted = meeting.Promote(shuffled, Now.AddMinutes(1)).ShouldHaveSingleItem();

        promoted.ShouldBeSameAs(rsvps[1]);
        promoted.Status.ShouldBe(RsvpStatus.Going);
        promoted.PromotedAt.ShouldBe(Now.AddMinutes(1));
        rsvps[2].Status.ShouldBe(RsvpStatus.Waitlisted);
    }

    [Fact]
    public void Nobody_is_promoted_when_there_is_no_free_place_and_nobody_twice()
    {
        var meeting = NewMeeting(capacity: 2);
        var rsvps = AnswerInOrder(meeting, 4);

        meeting.Promote(rsvps, Now).ShouldBeEmpty();
        rsvps[0].Cancel(meeting, Now);
        meeting.Promote(rsvps, Now).ShouldHaveSingleItem().ShouldBeSameAs(rsvps[2]);
        meeting.Promote(rsvps, Now).ShouldBeEmpty();
        rsvps.Count(r => r.Status == RsvpStatus.Going).ShouldBe(2);
    }

    [Fact]
    public void Growing_the_capacity_promotes_as_many_as_the_new_places()
    {
        var meeting = NewMeeting(capacity: 2);
        var rsvps = AnswerInOrder(meeting, 7);

        meeting.ChangeCapacity(5, going: 2, roomCapacity: null, Now);
        var promoted = meeting.Promote(rsvps, Now);

        promoted.ShouldBe([rsvps[2], rsvps[3], rsvps[4]]);
        rsvps.Count(r => r.Status == RsvpStatus.Going).ShouldBe(5);
        rsvps[5].Status.ShouldBe(RsvpStatus.Waitlisted);
    }

    [Fact]
    public void The_capacity_cannot_drop_below_those_going_nor_exceed_the_room()
    {
        var meeting = NewMeeting(capacity: 3);

        Should.Throw<DomainRuleException>(() => meeting.ChangeCapacity(1, going: 2, roomCapacity: null, Now)).Code.ShouldBe("capacity_below_going");
        Should.Throw<DomainRuleException>(() => meeting.ChangeCapacity(9, going: 2, roomCapacity: 8, Now)).Code.ShouldBe("capacity_exceeds_room");
    }

    [Fact]
    public void RSVPs_close_when_the_meeting_starts()
    {
        var meeting = NewMeeting();
        var early = meeting.Answer(Guid.NewGuid(), 0, Now);

        Should.Throw<DomainRuleException>(() => meeting.Answer(Guid.NewGuid(), 1, NextWeek.Start)).Code.ShouldBe("rsvp_closed");
        Should.Throw<DomainRuleException>(() => early.Cancel(meeting, NextWeek.Start.AddMinutes(1))).Code.ShouldBe("rsvp_closed");
        meeting.Promote([early], NextWeek.Start).ShouldBeEmpty();
    }

    [Fact]
    public void A_cancelled_meeting_takes_no_answers_and_promotes_nobody()
    {
        var meeting = NewMeeting(capacity: 1);
        var rsvps = AnswerInOrder(meeting, 2);

        meeting.Cancel("강사 사정", Now);

        Should.Throw<IllegalTransitionException>(() => meeting.Answer(Guid.NewGuid(), 1, Now)).Code.ShouldBe("meeting_cancelled");
        meeting.Promote(rsvps, Now).ShouldBeEmpty();
        Should.Throw<IllegalTransitionException>(() => meeting.Cancel(null, Now)).Code.ShouldBe("meeting_cancelled");
    }

    [Fact]
    public void A_meeting_in_a_booked_room_fits_the_booking_and_the_room()
    {
        var venue = new MeetingVenue(Guid.NewGuid(), HostId, new Period(NextWeek.Start.AddHours(-1), NextWeek.End), Capacity: 10);

        NewMeeting(capacity: 10, new MeetingPlace(null, venue)).BookingId.ShouldBe(venue.BookingId);
        Should.Throw<DomainRuleException>(() => NewMeeting(capacity: 11, new MeetingPlace(null, venue))).Code.ShouldBe("capacity_exceeds_room");
        Should.Throw<DomainRuleException>(() => NewMeeting(place: new MeetingPlace(null, venue with { Booked = new Period(NextWeek.Start, NextWeek.End.AddHours(-1)) })))
            .Code.ShouldBe("meeting_outside_booking");
        Should.Throw<DomainRuleException>(() => NewMeeting(place: new MeetingPlace(null, venue with { BookerId = Guid.NewGuid() }))).Code.ShouldBe("booking_not_yours");
        Should.Throw<DomainRuleException>(() => NewMeeting(place: new MeetingPlace(" "))).Code.ShouldBe("place_required");
    }

    [Fact]
    public void A_meeting_moves_only_before_it_starts_and_to_the_future()
    {
        var meeting = NewMeeting();
        var later = new Period(NextWeek.Start.AddDays(1), NextWeek.End.AddDays(1));

        meeting.Move(later, new MeetingPlace("군산 공유센터"), HostId, Now);
        meeting.StartsAt.ShouldBe(later.Start);
        meeting.Place.ShouldBe("군산 공유센터");

        Should.Throw<DomainRuleException>(() => meeting.Move(new Period(Now.AddHours(-1), Now.AddHours(1)), new MeetingPlace("x"), HostId, Now))
            .Code.ShouldBe("meeting_in_past");
        Should.Throw<IllegalTransitionException>(() => meeting.Move(later, new MeetingPlace("x"), HostId, later.Start)).Code.ShouldBe("meeting_started");
    }

    [Fact]
    public void Attendance_is_recorded_after_the_end_for_members_who_were_going()
    {
        var meeting = NewMeeting(capacity: 1);
        var rsvps = AnswerInOrder(meeting, 2);

        Should.Throw<DomainRuleException>(() => rsvps[0].RecordAttendance(meeting, true, NextWeek.End.AddMinutes(-1))).Code.ShouldBe("meeting_not_ended");
        rsvps[0].RecordAttendance(meeting, true, NextWeek.End);
        rsvps[0].Attended.ShouldBe(true);
        Should.Throw<DomainRuleException>(() => rsvps[1].RecordAttendance(meeting, true, NextWeek.End)).Code.ShouldBe("attendee_not_going");
    }
}
