namespace SharingPlatform.Domain.Circles;

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>Where a meeting is: free text, or a booking of a shared resource the host made (whose capacity bounds the meeting's).</summary>
public sealed record MeetingPlace(string? Text, MeetingVenue? Venue = null);

/// <summary>A holding booking of a shared resource offered as a meeting's place: its period and the resource's capacity.</summary>
public sealed record MeetingVenue(Guid BookingId, Guid BookerId, Period Booked, int? Capacity);

/// <summary>
/// A circle's meeting, [StartsAt, EndsAt). Members answer going until <see cref="Capacity"/> is taken, then are
/// waitlisted in arrival order; RSVPs close when it starts. Every change of RSVPs, capacity, time or status happens with
/// the meeting's row locked, so the going count a method is given is exact.
/// </summary>
public sealed class Meeting
{
    public const int TitleMaxLength = 120;
    public const int AgendaMaxLength = 4000;
    public const int PlaceMaxLength = 300;
    /// <summary>A meeting is scheduled (or moved) to start less than this many days from now.</summary>
    public const int HorizonDays = 365;
    public const int MaxCapacity = 1000;

    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public Guid CircleId { get; private set; }
    public string Title { get; private set; } = "";
    public string Agenda { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int Capacity { get; private set; }
    public string? Place { get; private set; }
    public Guid? BookingId { get; private set; }
    public MeetingStatus Status { get; private set; }
    public string? CancelReason { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public Period Period => new(StartsAt, EndsAt);

    public bool IsScheduled => Status == MeetingStatus.Scheduled;

    public static Meeting Schedule(
        Circle circle, Guid by, string title, string? agenda, Period period, int capacity, MeetingPlace place, DateTimeOffset now)
    {
        circle.RequireActive();
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainRuleException("title_required", "Give the meeting a title.");
        RequireFuture(period, now);
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now),
            CircleId = circle.Id,
            Title = title.Trim(),
            Agenda = agenda?.Trim() ?? "",
            StartsAt = period.Start,
            EndsAt = period.End,
            Status = MeetingStatus.Scheduled,
            CreatedBy = by,
            CreatedAt = now.ToUniversalTime(),
        };
        meeting.SetPlace(place, period, by);
        meeting.SetCapacity(capacity, place.Venue?.Capacity);
        return meeting;
    }

    /// <summary>
    /// A host moves a meeting that has not started, perhaps to another place; a meeting held in a booked room stays
    /// within the booking and within the room's capacity.
    /// </summary>
    public void Move(Period period, MeetingPlace place, Guid by, DateTimeOffset now)
    {
        RequireNotStarted(now);
        RequireFuture(period, now);
        if (place.Venue?.Capacity is { } room && Capacity > room)
            throw new DomainRuleException("capacity_exceeds_room", $"The room holds {room} people.", room);
        SetPlace(place, period, by);
        StartsAt = period.Start;
        EndsAt = period.End;
    }

    /// <summary>A host changes the capacity before the start; never below the members already going, nor beyond the room.</summary>
    public void ChangeCapacity(int capacity, int going, int? roomCapacity, DateTimeOffset now)
    {
        RequireNotStarted(now);
        if (capacity < going)
            throw new DomainRuleException("capacity_below_going", $"{going} members are going; the capacity cannot be lower.", going);
        SetCapacity(capacity, roomCapacity);
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        RequireNotStarted(now);
        Status = MeetingStatus.Cancelled;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// <summary>RSVPs close when the meeting starts; a cancelled meeting takes none.</summary>
    public void RequireOpenForRsvp(DateTimeOffset now)
    {
        if (!IsScheduled)
            throw new IllegalTransitionException("meeting_cancelled", "The meeting is cancelled.");
        if (now >= StartsAt)
            throw new DomainRuleException("rsvp_closed", "RSVPs closed when the meeting started.");
    }

    /// <summary>A member answers going: going while there is room, else waitlisted (after everyone who answered earlier).</summary>
    public Rsvp Answer(Guid userId, int going, DateTimeOffset now)
    {
        RequireOpenForRsvp(now);
        return Rsvp.Answer(Id, userId, going < Capacity ? RsvpStatus.Going : RsvpStatus.Waitlisted, now);
    }

    /// <summary>
    /// The waitlisted to promote now that places are free: the first ones by arrival, as many as there are free places.
    /// Promoted at once; none once the meeting has started or is cancelled.
    /// </summary>
    public IReadOnlyList<Rsvp> Promote(IEnumerable<Rsvp> rsvps, DateTimeOffset now)
    {
        if (!IsScheduled || now >= StartsAt)
            return [];
        var all = rsvps.Where(r => r.MeetingId == Id).ToList();
        var free = Capacity - all.Count(r => r.Status == RsvpStatus.Going);
        if (free <= 0)
            return [];
        var promoted = all.Where(r => r.Status == RsvpStatus.Waitlisted).OrderBy(r => r.Arrival).Take(free).ToList();
        foreach (var rsvp in promoted)
            rsvp.Promote(now);
        return promoted;
    }

    /// <summary>After the meeting ends, a host records who came among the members who were going.</summary>
    public void RequireEnded(DateTimeOffset now)
    {
        if (!IsScheduled)
            throw new IllegalTransitionException("meeting_cancelled", "The meeting is cancelled.");
        if (now < EndsAt)
            throw new DomainRuleException("meeting_not_ended", "Attendance is recorded after the meeting ends.");
    }

    private void RequireNotStarted(DateTimeOffset now)
    {
        if (!IsScheduled)
            throw new IllegalTransitionException("meeting_cancelled", "The meeting is cancelled.");
        if (now >= StartsAt)
            throw new IllegalTransitionException("meeting_started", "The meeting has already started.");
    }

    private static void RequireFuture(Period period, DateTimeOffset now)
    {
        if (period.Start <= now)
            throw new DomainRuleException("meeting_in_past", "A meeting must start in the future.");
        if (period.Start >= now.AddDays(HorizonDays))
            throw new DomainRuleException("beyond_horizon", $"Meetings are scheduled at most {HorizonDays} days ahead.", HorizonDays);
        if (period.Duration > TimeSpan.FromHours(24))
            throw new DomainRuleException("meeting_too_long", "A meeting lasts at most 24 hours.");
    }

    private void SetPlace(MeetingPlace place, Period period, Guid by)
    {
        if (place.Venue is { } venue)
        {
            if (venue.BookingId != BookingId && venue.BookerId != by)
                throw new DomainRuleException("booking_not_yours", "Hold the meeting in a booking you made yourself.");
            if (period.Start < venue.Booked.Start || period.End > venue.Booked.End)
                throw new DomainRuleException("meeting_outside_booking", "The meeting must take place within the booked time.");
            BookingId = venue.BookingId;
            Place = string.IsNullOrWhiteSpace(place.Text) ? null : place.Text.Trim();
            return;
        }

        if (string.IsNullOrWhiteSpace(place.Text))
            throw new DomainRuleException("place_required", "Say where the meeting takes place, or choose one of your bookings.");
        BookingId = null;
        Place = place.Text.Trim();
    }

    private void SetCapacity(int capacity, int? roomCapacity)
    {
        if (capacity < 1 || capacity > MaxCapacity)
            throw new DomainRuleException("capacity_out_of_range", $"A meeting has room for 1 to {MaxCapacity} people.", MaxCapacity);
        if (roomCapacity is { } room && capacity > room)
            throw new DomainRuleException("capacity_exceeds_room", $"The room holds {room} people.", room);
        Capacity = capacity;
    }
}
