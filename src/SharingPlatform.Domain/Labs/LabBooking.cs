namespace SharingPlatform.Domain.Labs;

public enum LabBookingStatus
{
    Booked,
    CheckedIn,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>
/// A lab session: a seat in one slot and optionally pieces of equipment. booked → checked in → completed (with the minutes
/// each piece was used); booked → cancelled (by the booker until the slot starts, by a manager with a reason); booked →
/// no-show when nobody checked in <see cref="CheckInWindow"/> after the start. Seats are counted by the database
/// (<c>lab_slots</c>); a cancelled or no-show session frees its seat and equipment.
/// </summary>
public sealed class LabBooking
{
    public const int ReasonMaxLength = 1000;

    /// <summary>Check-in opens this long before the start; a session not checked in this long after the start is a no-show.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromMinutes(15);

    private readonly List<LabBookingEquipment> _equipment = [];

    private LabBooking()
    {
    }

    public Guid Id { get; private set; }
    public Guid LabId { get; private set; }
    public Guid BookerId { get; private set; }
    public DateTimeOffset SlotStartsAt { get; private set; }
    public DateTimeOffset SlotEndsAt { get; private set; }
    public LabBookingStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public Guid? StatusChangedBy { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<LabBookingEquipment> Equipment => _equipment;

    public static IReadOnlyList<LabBookingStatus> Holding { get; } = [LabBookingStatus.Booked, LabBookingStatus.CheckedIn, LabBookingStatus.Completed];

    /// <summary>Whether the session keeps its seat (and the equipment it still has).</summary>
    public bool IsHolding => Holding.Contains(Status);

    public LabSlot Slot => new(SlotStartsAt, SlotEndsAt);

    /// <summary>
    /// A session in <paramref name="slot"/> of <paramref name="lab"/>; the caller has checked the slot (<see cref="Lab.BookableSlot"/>),
    /// each piece of equipment (<see cref="Labs.Equipment.CheckBookable"/>) and the booker's standing, and takes the seat.
    /// </summary>
    public static LabBooking Book(Lab lab, LabSlot slot, Guid bookerId, IEnumerable<Guid> equipmentIds, DateTimeOffset now)
    {
        if (lab.Status != LabStatus.Published)
            throw new DomainRuleException("lab_not_published", "Only a published lab takes bookings.");
        var booking = new LabBooking
        {
            Id = Guid.CreateVersion7(now),
            LabId = lab.Id,
            BookerId = bookerId,
            SlotStartsAt = slot.StartsAt,
            SlotEndsAt = slot.EndsAt,
            Status = LabBookingStatus.Booked,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
        };
        foreach (var equipmentId in equipmentIds.Distinct())
            booking._equipment.Add(new LabBookingEquipment(booking.Id, equipmentId, slot.StartsAt));
        return booking;
    }

    /// <summary>
    /// The booker cancels until the slot starts; a manager cancels a booked session at any time, with a reason. The seat and
    /// the equipment are free at once.
    /// </summary>
    public void Cancel(Guid by, bool byManager, string? reason, DateTimeOffset now)
    {
        if (Status != LabBookingStatus.Booked)
            throw new IllegalTransitionException("lab_booking_not_cancellable", $"A session that is {Status} cannot be cancelled.");
        if (byManager && by != BookerId)
            reason = Reason.Require(reason);
        else if (now >= SlotStartsAt)
            throw new IllegalTransitionException("lab_booking_already_started", "A session can be cancelled only before its slot starts.");
        Release();
        MoveTo(LabBookingStatus.Cancelled, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
    }

    /// <summary>A manager checks the booker in, from <see cref="CheckInWindow"/> before the start until the end of the slot.</summary>
    public void CheckIn(Guid by, DateTimeOffset now)
    {
        if (Status != LabBookingStatus.Booked)
            throw new IllegalTransitionException("lab_booking_not_booked", $"Only a booked session is checked in; this one is {Status}.");
        if (now < SlotStartsAt - CheckInWindow || now >= SlotEndsAt)
            throw new IllegalTransitionException("check_in_closed", "Check-in opens 15 minutes before the slot and closes at its end.");
        CheckedInAt = now.ToUniversalTime();
        MoveTo(LabBookingStatus.CheckedIn, by, null, now);
    }

    public bool IsNoShowAt(DateTimeOffset now) => Status == LabBookingStatus.Booked && now >= SlotStartsAt + CheckInWindow;

    public void MarkNoShow(DateTimeOffset now)
    {
        if (!IsNoShowAt(now))
            throw new IllegalTransitionException("lab_booking_not_no_show", "Only a booked session becomes a no-show, 15 minutes after its slot starts.");
        Release();
        MoveTo(LabBookingStatus.NoShow, null, null, now);
    }

    /// <summary>
    /// A manager confirms the usage of a checked-in session and completes it: minutes per piece of equipment it still
    /// holds, each between 0 and the slot's length; a piece not named was used for the whole slot.
    /// </summary>
    public void RecordUsage(Guid by, IReadOnlyDictionary<Guid, int> minutes, DateTimeOffset now)
    {
        if (Status != LabBookingStatus.CheckedIn)
            throw new IllegalTransitionException("lab_booking_not_checked_in", $"Usage is recorded for a checked-in session; this one is {Status}.");
        if (now < SlotStartsAt)
            throw new DomainRuleException("usage_before_start", "Usage is confirmed once the session has started.");
        var held = _equipment.Where(e => !e.Released).ToList();
        foreach (var (equipmentId, used) in minutes)
        {
            if (held.All(e => e.EquipmentId != equipmentId))
                throw new DomainRuleException("equipment_not_in_session", "The session did not book that equipment.");
            if (used < 0 || used > Slot.Minutes)
                throw new DomainRuleException("usage_minutes_invalid", $"Usage is between 0 and {Slot.Minutes} minutes.", Slot.Minutes);
        }

        foreach (var item in held)
            item.Use(minutes.TryGetValue(item.EquipmentId, out var used) ? used : Slot.Minutes);
        CompletedAt = now.ToUniversalTime();
        MoveTo(LabBookingStatus.Completed, by, null, now);
    }

    /// <summary>
    /// The lab took a piece of equipment out of service: a booked session loses it (the seat stays). Answers whether it had it.
    /// </summary>
    public bool DropEquipment(Guid equipmentId, DateTimeOffset now)
    {
        var item = _equipment.SingleOrDefault(e => e.EquipmentId == equipmentId && !e.Released);
        if (item is null || Status != LabBookingStatus.Booked)
            return false;
        item.Release();
        UpdatedAt = now.ToUniversalTime();
        return true;
    }

    private void Release()
    {
        foreach (var item in _equipment)
            item.Release();
    }

    private void MoveTo(LabBookingStatus status, Guid? by, string? reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        StatusChangedBy = by;
        UpdatedAt = now.ToUniversalTime();
    }
}

/// <summary>
/// A piece of equipment a session booked. <see cref="SlotStartsAt"/> is kept here so the database can refuse two
/// unreleased rows of one piece in one slot (a unique partial index).
/// </summary>
public sealed class LabBookingEquipment
{
    private LabBookingEquipment()
    {
    }

    internal LabBookingEquipment(Guid labBookingId, Guid equipmentId, DateTimeOffset slotStartsAt)
    {
        LabBookingId = labBookingId;
        EquipmentId = equipmentId;
        SlotStartsAt = slotStartsAt;
    }

    public Guid LabBookingId { get; private set; }
    public Guid EquipmentId { get; private set; }
    public DateTimeOffset SlotStartsAt { get; private set; }
    public bool Released { get; private set; }
    public int? UsageMinutes { get; private set; }

    internal void Release() => Released = true;

    internal void Use(int minutes) => UsageMinutes = minutes;
}

/// <summary>The database's seat count of one slot of a lab (table <c>lab_slots</c>), created by the first booking of the slot.</summary>
public sealed class LabSlotSeats
{
    private LabSlotSeats()
    {
    }

    public Guid LabId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int Seats { get; private set; }
    public int SeatsTaken { get; private set; }
}
