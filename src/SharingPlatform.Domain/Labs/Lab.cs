namespace SharingPlatform.Domain.Labs;

public enum LabStatus
{
    Draft,
    PendingReview,
    Published,
    Rejected,
    Suspended,
}

/// <summary>
/// A shared lab (a "gongyu silheomsil") an organization runs: seats per slot of a weekly timetable, equipment, managers (members of
/// the organization). draft → pending review → published | rejected; published → suspended → published.
/// </summary>
public sealed class Lab : IReviewed
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 5000;
    public const int SafetyRulesMaxLength = 5000;
    public const int MaxSeatsPerSlot = 200;
    public const int MaxPhotos = 8;
    public const int DefaultBookingHorizonDays = 60;
    public const int DefaultMinNoticeMinutes = 60;
    public const int DefaultMaxActiveSessionsPerPerson = 4;

    private readonly List<LabPhoto> _photos = [];

    private Lab()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string SafetyRules { get; private set; } = "";
    public int SeatsPerSlot { get; private set; }
    public LabTimetable Timetable { get; private set; } = null!;
    public Guid[] ManagerIds { get; private set; } = [];
    public LabStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<LabPhoto> Photos => _photos;

    /// <summary>How far ahead a slot may be booked: a slot starting this many days from now or later is refused.</summary>
    public int BookingHorizonDays { get; private set; } = DefaultBookingHorizonDays;

    /// <summary>A slot is booked at least this many minutes before it starts.</summary>
    public int MinNoticeMinutes { get; private set; } = DefaultMinNoticeMinutes;

    /// <summary>Sessions of this lab one person holds at once (booked or checked in, not yet ended).</summary>
    public int MaxActiveSessionsPerPerson { get; private set; } = DefaultMaxActiveSessionsPerPerson;

    /// <summary>A draft lab; whoever creates it is its first manager.</summary>
    public static Lab CreateDraft(Guid organizationId, LabDetails details, LabTimetable timetable, Guid createdBy, DateTimeOffset now)
    {
        var lab = new Lab
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Status = LabStatus.Draft,
            ManagerIds = [createdBy],
            CreatedAt = now.ToUniversalTime(),
        };
        lab.Edit(details, timetable, now);
        return lab;
    }

    /// <summary>Changes what the lab is and its timetable. A rejected lab goes back to draft.</summary>
    public void Edit(LabDetails details, LabTimetable timetable, DateTimeOffset now)
    {
        if (Status is LabStatus.Suspended or LabStatus.PendingReview)
            throw new DomainRuleException("lab_not_editable", $"A lab that is {Status} cannot be edited.");
        if (details.SeatsPerSlot is < 1 or > MaxSeatsPerSlot)
            throw new DomainRuleException("seats_invalid", $"A slot has between 1 and {MaxSeatsPerSlot} seats.", MaxSeatsPerSlot);
        if (string.IsNullOrWhiteSpace(details.Name))
            throw new DomainRuleException("lab_name_required", "Give the lab a name.");
        Name = details.Name.Trim();
        Description = details.Description.Trim();
        Municipality = details.Municipality.Code;
        Address = details.Address.Trim();
        SafetyRules = details.SafetyRules.Trim();
        SeatsPerSlot = details.SeatsPerSlot;
        Timetable = timetable;
        UpdatedAt = now.ToUniversalTime();
        if (Status == LabStatus.Rejected)
            Status = LabStatus.Draft;
    }

    /// <summary>
    /// The dates the lab is closed: an operational change that applies at once, also to a published lab (its other
    /// content changes through an administrator's review).
    /// </summary>
    public void ChangeClosedDates(IEnumerable<DateOnly> closedDates, DateTimeOffset now)
    {
        if (Status is LabStatus.Suspended)
            throw new DomainRuleException("lab_not_editable", $"A lab that is {Status} cannot be edited.");
        Timetable = LabTimetable.Create(Timetable.Slots, closedDates);
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>The lab's managers: members of its organization (the caller checks membership), at least one.</summary>
    public void NameManagers(IEnumerable<Guid> userIds, DateTimeOffset now)
    {
        var ids = userIds.Distinct().ToArray();
        if (ids.Length == 0)
            throw new DomainRuleException("lab_managers_required", "A lab has at least one manager.");
        ManagerIds = ids;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// Someone left the lab's organization: they stop being a manager at once. The last manager leaving leaves the list
    /// empty; the organization's owners run the lab until they name another.
    /// </summary>
    public void DropManager(Guid userId, DateTimeOffset now)
    {
        if (!IsManager(userId))
            return;
        ManagerIds = ManagerIds.Where(id => id != userId).ToArray();
        UpdatedAt = now.ToUniversalTime();
    }

    public bool IsManager(Guid userId) => ManagerIds.Contains(userId);

    public void Submit(DateTimeOffset now)
    {
        Move(LabStatus.Draft, LabStatus.PendingReview, null, "lab_not_draft");
        UpdatedAt = now.ToUniversalTime();
    }

    public void Approve() => Move(LabStatus.PendingReview, LabStatus.Published, null, "lab_not_pending_review");

    public void Reject(string reason) => Move(LabStatus.PendingReview, LabStatus.Rejected, Reason.Require(reason), "lab_not_pending_review");

    public void Suspend(string reason) => Move(LabStatus.Published, LabStatus.Suspended, Reason.Require(reason), "lab_not_published");

    public void Restore() => Move(LabStatus.Suspended, LabStatus.Published, null, "lab_not_suspended");

    Enum IModerated.Status => Status;

    void IModerated.Restore(string? reason) => Restore();

    /// <summary>
    /// The slot of the timetable that starts at <paramref name="startsAt"/>, refused (422) when the timetable has no such
    /// slot, the lab is closed that day, or the slot has started.
    /// </summary>
    public LabSlot BookableSlot(DateTimeOffset startsAt, DateTimeOffset now)
    {
        var date = SeoulTime.DateOf(startsAt);
        var slot = Timetable.SlotsOn(date, ignoreClosed: true).FirstOrDefault(s => s.StartsAt == startsAt.ToUniversalTime())
            ?? throw new DomainRuleException("slot_not_in_timetable", "The lab has no slot starting then.");
        if (Timetable.ClosedDates.Contains(date))
            throw new DomainRuleException("lab_closed", $"The lab is closed on {date:yyyy-MM-dd}.",
                date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (now >= slot.StartsAt)
            throw new DomainRuleException("slot_started", "The slot has already started.");
        return slot;
    }

    /// <summary>
    /// The fairness limits of booking, set by a manager at any time (operational settings, not content the review looks at):
    /// a horizon of 1 to 365 days, a notice of 0 minutes to 90 days, 1 to 100 active sessions per person.
    /// </summary>
    public void SetBookingLimits(int horizonDays, int minNoticeMinutes, int maxActiveSessionsPerPerson, DateTimeOffset now)
    {
        if (horizonDays is < 1 or > 365)
            throw new DomainRuleException("horizon_invalid", "Bookings open between 1 and 365 days ahead.");
        if (minNoticeMinutes is < 0 or > 60 * 24 * 90)
            throw new DomainRuleException("min_notice_invalid", "The minimum notice is between 0 minutes and 90 days.");
        if (maxActiveSessionsPerPerson is < 1 or > 100)
            throw new DomainRuleException("per_person_cap_invalid", "One person may hold between 1 and 100 active sessions.");
        BookingHorizonDays = horizonDays;
        MinNoticeMinutes = minNoticeMinutes;
        MaxActiveSessionsPerPerson = maxActiveSessionsPerPerson;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>A slot starting <see cref="BookingHorizonDays"/> days from now or later is refused (<c>beyond_horizon</c>).</summary>
    public void CheckHorizon(DateTimeOffset slotStartsAt, DateTimeOffset now)
    {
        if (slotStartsAt >= now.AddDays(BookingHorizonDays))
            throw new DomainRuleException("beyond_horizon", $"Sessions open {BookingHorizonDays} days ahead.", BookingHorizonDays);
    }

    /// <summary>A slot starting in less than <see cref="MinNoticeMinutes"/> is refused (<c>too_little_notice</c>).</summary>
    public void CheckNotice(LabSlot slot, DateTimeOffset now)
    {
        if (slot.StartsAt < now.AddMinutes(MinNoticeMinutes))
            throw new DomainRuleException("too_little_notice", $"Book at least {MinNoticeMinutes} minutes ahead.", TimeSpan.FromMinutes(MinNoticeMinutes));
    }

    /// <summary>A person who holds <see cref="MaxActiveSessionsPerPerson"/> active sessions books no more (<c>over_personal_cap</c>).</summary>
    public void CheckPersonalCap(int activeSessions)
    {
        if (activeSessions >= MaxActiveSessionsPerPerson)
            throw new DomainRuleException("over_personal_cap", $"One person holds at most {MaxActiveSessionsPerPerson} active sessions of this lab.",
                MaxActiveSessionsPerPerson);
    }

    public LabPhoto AddPhoto(string fileName, string thumbnailFileName, DateTimeOffset now)
    {
        if (_photos.Count >= MaxPhotos)
            throw new DomainRuleException("too_many_photos", $"A lab has at most {MaxPhotos} photos.");
        var photo = new LabPhoto(Id, fileName, thumbnailFileName, _photos.Count, now);
        _photos.Add(photo);
        return photo;
    }

    public LabPhoto RemovePhoto(Guid photoId)
    {
        var photo = _photos.SingleOrDefault(p => p.Id == photoId)
            ?? throw new DomainRuleException("no_such_photo", "The lab has no such photo.");
        _photos.Remove(photo);
        var rest = _photos.OrderBy(p => p.Position).ToList();
        for (var i = 0; i < rest.Count; i++)
            rest[i].MoveTo(i);
        return photo;
    }

    private void Move(LabStatus from, LabStatus to, string? reason, string code)
    {
        if (Status != from)
            throw new DomainRuleException(code, $"The lab is {Status}, not {from}.");
        Status = to;
        StatusReason = reason;
    }
}

/// <summary>What a lab is, as its organization describes it.</summary>
public sealed record LabDetails(string Name, string Description, Municipality Municipality, string Address, string SafetyRules, int SeatsPerSlot);

/// <summary>One slot of a lab: [StartsAt, EndsAt) in UTC.</summary>
public sealed record LabSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public Period Period => new(StartsAt, EndsAt);

    public int Minutes => (int)(EndsAt - StartsAt).TotalMinutes;
}

public sealed class LabPhoto
{
    private LabPhoto()
    {
    }

    internal LabPhoto(Guid labId, string fileName, string thumbnailFileName, int position, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        LabId = labId;
        FileName = fileName;
        ThumbnailFileName = thumbnailFileName;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid LabId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ThumbnailFileName { get; private set; } = "";
    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}
