namespace SharingPlatform.Domain.Circles;

public enum RsvpStatus
{
    Going,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A member's answer to a meeting; (meeting, member) is unique. <see cref="Arrival"/> is a number the database gives in
/// the order answers arrive (an identity column, so no two are equal): the waitlist is served in that order.
/// </summary>
public sealed class Rsvp
{
    private Rsvp()
    {
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid UserId { get; private set; }
    public RsvpStatus Status { get; private set; }
    public long Arrival { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }
    public DateTimeOffset? PromotedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public bool? Attended { get; private set; }

    public bool IsActive => Status is RsvpStatus.Going or RsvpStatus.Waitlisted;

    internal static Rsvp Answer(Guid meetingId, Guid userId, RsvpStatus status, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MeetingId = meetingId,
        UserId = userId,
        Status = status,
        AnsweredAt = now.ToUniversalTime(),
    };

    /// <summary>The member cancels before the meeting starts; a going member frees a place.</summary>
    public void Cancel(Meeting meeting, DateTimeOffset now)
    {
        if (!IsActive)
            throw new IllegalTransitionException("rsvp_not_active", "You have no answer to cancel.");
        meeting.RequireOpenForRsvp(now);
        Status = RsvpStatus.Cancelled;
        CancelledAt = now.ToUniversalTime();
    }

    internal void Promote(DateTimeOffset now)
    {
        if (Status != RsvpStatus.Waitlisted)
            throw new IllegalTransitionException("rsvp_not_waitlisted", "Only a waitlisted answer is promoted.");
        Status = RsvpStatus.Going;
        PromotedAt = now.ToUniversalTime();
    }

    /// <summary>A host records, after the meeting, whether this going member came.</summary>
    public void RecordAttendance(Meeting meeting, bool attended, DateTimeOffset now)
    {
        meeting.RequireEnded(now);
        if (Status != RsvpStatus.Going)
            throw new DomainRuleException("attendee_not_going", "Attendance is recorded for members who were going.");
        Attended = attended;
    }

    /// <summary>For tests that build a waitlist without a database: the arrival number the database would give.</summary>
    internal Rsvp Arrived(long arrival)
    {
        Arrival = arrival;
        return this;
    }
}
