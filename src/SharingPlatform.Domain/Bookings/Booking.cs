using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Resources;

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
/// </summary>
public sealed class Booking
{
    public const int PurposeMaxLength = 500;

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
    public DateTimeOffset CreatedAt { get; private set; }

    public static IReadOnlyList<BookingStatus> Holding { get; } = [BookingStatus.Pending, BookingStatus.Confirmed];

    public bool IsHolding => Holding.Contains(Status);

    /// <summary>
    /// Makes a booking that every rule of the policy allows; the caller checks overlap (the database) and the person's
    /// count of active bookings (<paramref name="activeBookings"/>).
    /// </summary>
    public static Booking Request(
        SharedResource resource, Guid bookerId, Period period, int attendees, string purpose, int activeBookings, DateTimeOffset now, Guid? seriesId = null)
    {
        BookingRules.Check(resource, period, attendees, activeBookings, now);
        return new Booking
        {
            Id = Guid.CreateVersion7(now),
            ResourceId = resource.Id,
            BookerId = bookerId,
            StartsAt = period.Start,
            EndsAt = period.End,
            BlockedUntil = period.End.AddMinutes(resource.Policy.BufferMinutes),
            Attendees = attendees,
            Purpose = purpose.Trim(),
            Status = resource.Policy.ApprovalMode == ApprovalMode.Automatic ? BookingStatus.Confirmed : BookingStatus.Pending,
            SeriesId = seriesId,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>The booker or the owner cancels before the start, with a reason; the time is free at once.</summary>
    public void Cancel(string? reason, DateTimeOffset now)
    {
        if (!IsHolding)
            throw new DomainRuleException("booking_not_cancellable", $"A booking that is {Status} cannot be cancelled.");
        if (now >= StartsAt)
            throw new DomainRuleException("booking_already_started", "A booking can be cancelled only before it starts.");
        Status = BookingStatus.Cancelled;
        StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public void Approve()
    {
        if (Status != BookingStatus.Pending)
            throw new DomainRuleException("booking_not_pending", $"The booking is {Status}, not pending.");
        Status = BookingStatus.Confirmed;
    }

    public void Reject(string reason)
    {
        if (Status != BookingStatus.Pending)
            throw new DomainRuleException("booking_not_pending", $"The booking is {Status}, not pending.");
        Status = BookingStatus.Rejected;
        StatusReason = Reason.Require(reason);
    }
}
