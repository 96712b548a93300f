namespace SharingPlatform.Domain.Bookings;

public enum BookingStatus
{
    Pending,
    Confirmed,
    Rejected,
    Cancelled,
    CheckedIn,
    Completed,
    NoShow,
}

/// <summary>
/// A resident's booking of a resource for [StartsAt, EndsAt). Pending and confirmed bookings hold their time plus the
/// resource's buffer (<see cref="BlockedUntil"/>); the database refuses two holding bookings of one resource that overlap.
/// Every change of status is kept in <see cref="History"/> with who made it (none: the platform), when and why.
/// </summary>
public sealed class Booking
{
    public const int PurposeMaxLength = 500;
    public const int ReasonMaxLength = 1000;

    /// <summary>Check-in opens this long before the start; a booking that needs check-in is a no-show this long after it.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromMinutes(15);

    private readonly List<BookingChange> _history = [];

    private Booking()
    {
    }

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public Guid BookerId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public DateTimeOffset BlockedUntil { get; private set; }
    public int Attendees { get; private set; }
    public string Purpose { get; private set; } = "";
    public BookingStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public Guid? SeriesId { get; private set; }
    public bool RequiresCheckIn { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<BookingChange> History => _history;

    public static IReadOnlyList<BookingStatus> Holding { get; } = [BookingStatus.Pending, BookingStatus.Confirmed];

    public bool IsHolding => Holding.Contains(Status);

    public Period Period => new(StartsAt, EndsAt);

    /// <summary>
    /// Makes a booking that every rule of the policy allows; the caller checks overlap (the database) and tells the
    /// booker's standing (active bookings of this resource, a no-show pause).
    /// </summary>
    public static Booking Request(
        SharedResource resource, Guid bookerId, Period period, int attendees, string purpose, BookerStanding standing, DateTimeOffset now,
        Guid? seriesId = null)
    {
        BookingRules.Check(resource, period, attendees, standing, now);
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(now),
            ResourceId = resource.Id,
            BookerId = bookerId,
            StartsAt = period.Start,
            EndsAt = period.End,
            BlockedUntil = period.End.AddMinutes(resource.Policy.BufferMinutes),
            Attendees = attendees,
            Purpose = purpose.Trim(),
            SeriesId = seriesId,
            RequiresCheckIn = resource.Policy.RequiresCheckIn,
            CreatedAt = now.ToUniversalTime(),
        };
        booking.MoveTo(resource.Policy.ApprovalMode == ApprovalMode.Automatic ? BookingStatus.Confirmed : BookingStatus.Pending, bookerId, null, now);
        return booking;
    }

    /// <summary>The booker or the owner cancels before the start, with a reason; the time is free at once.</summary>
    public void Cancel(Guid by, string? reason, DateTimeOffset now)
    {
        if (!IsHolding)
            throw Illegal("booking_not_cancellable", $"A booking that is {Status} cannot be cancelled.");
        if (now >= StartsAt)
            throw Illegal("booking_already_started", "A booking can be cancelled only before it starts.");
        MoveTo(BookingStatus.Cancelled, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
    }

    /// <summary>
    /// The booker moves a pending or confirmed booking to another period before it starts; every rule of the policy is
    /// checked again (a move adds no booking, so only the pause counts of the booker's standing). Where the owner approves
    /// requests, a moved booking waits for approval again.
    /// </summary>
    public void Move(SharedResource resource, Period period, DateTimeOffset? bookerPausedUntil, Guid by, DateTimeOffset now)
    {
        if (!IsHolding)
            throw Illegal("booking_not_movable", $"A booking that is {Status} cannot be moved.");
        if (now >= StartsAt)
            throw Illegal("booking_already_started", "A booking can be moved only before it starts.");
        BookingRules.Check(resource, period, Attendees, new BookerStanding(0, bookerPausedUntil), now);
        var from = Period;
        StartsAt = period.Start;
        EndsAt = period.End;
        BlockedUntil = period.End.AddMinutes(resource.Policy.BufferMinutes);
        var status = resource.Policy.ApprovalMode == ApprovalMode.Automatic ? BookingStatus.Confirmed : BookingStatus.Pending;
        MoveTo(status, by, $"{Describe(from)} → {Describe(period)}", now);
    }

    private static string Describe(Period period) =>
        $"{SeoulTime.ToSeoul(period.Start):yyyy-MM-dd HH:mm}–{SeoulTime.ToSeoul(period.End):HH:mm}";

    public void Approve(Guid by, DateTimeOffset now)
    {
        if (Status != BookingStatus.Pending)
            throw Illegal("booking_not_pending", $"The booking is {Status}, not pending.");
        MoveTo(BookingStatus.Confirmed, by, null, now);
    }

    public void Reject(Guid by, string reason, DateTimeOffset now)
    {
        if (Status != BookingStatus.Pending)
            throw Illegal("booking_not_pending", $"The booking is {Status}, not pending.");
        MoveTo(BookingStatus.Rejected, by, Reason.Require(reason), now);
    }

    /// <summary>The owner checks the booker in, from <see cref="CheckInWindow"/> before the start until the end.</summary>
    public void CheckIn(Guid by, DateTimeOffset now)
    {
        if (Status != BookingStatus.Confirmed)
            throw Illegal("booking_not_confirmed", $"Only a confirmed booking is checked in; this one is {Status}.");
        if (now < StartsAt - CheckInWindow || now >= EndsAt)
            throw Illegal("check_in_closed", "Check-in opens 15 minutes before the start and closes at the end.");
        CheckedInAt = now.ToUniversalTime();
        MoveTo(BookingStatus.CheckedIn, by, null, now);
    }

    /// <summary>Whether the platform releases it as a no-show now: it needs check-in and nobody checked in by 15 minutes after the start.</summary>
    public bool IsNoShowAt(DateTimeOffset now) =>
        Status == BookingStatus.Confirmed && RequiresCheckIn && now >= StartsAt + CheckInWindow;

    /// <summary>Whether the platform completes it now: past its end, checked in or not needing check-in.</summary>
    public bool IsCompleteAt(DateTimeOffset now) =>
        now >= EndsAt && (Status == BookingStatus.CheckedIn || (Status == BookingStatus.Confirmed && !RequiresCheckIn));

    public void MarkNoShow(DateTimeOffset now)
    {
        if (!IsNoShowAt(now))
            throw Illegal("booking_not_no_show", "Only a confirmed booking that needs check-in becomes a no-show, 15 minutes after its start.");
        MoveTo(BookingStatus.NoShow, null, null, now);
    }

    public void Complete(DateTimeOffset now)
    {
        if (!IsCompleteAt(now))
            throw Illegal("booking_not_completable", "A booking is completed after its end, once checked in (or when it needs no check-in).");
        MoveTo(BookingStatus.Completed, null, null, now);
    }

    private void MoveTo(BookingStatus status, Guid? by, string? reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        _history.Add(new BookingChange(Guid.CreateVersion7(now), Id, now.ToUniversalTime(), by, status, reason));
    }

    private static IllegalTransitionException Illegal(string code, string message) => new(code, message);
}

/// <summary>One change of a booking's status: who (none when the platform did it), when, to what, and why.</summary>
public sealed class BookingChange(Guid id, Guid bookingId, DateTimeOffset at, Guid? actorId, BookingStatus status, string? reason)
{
    public Guid Id { get; private set; } = id;
    public Guid BookingId { get; private set; } = bookingId;
    public DateTimeOffset At { get; private set; } = at;
    public Guid? ActorId { get; private set; } = actorId;
    public BookingStatus Status { get; private set; } = status;
    public string? Reason { get; private set; } = reason;
}

/// <summary>What the booking rules need to know about the booker: their active bookings of the resource and a no-show pause.</summary>
public sealed record BookerStanding(int ActiveBookings, DateTimeOffset? PausedUntil = null);
