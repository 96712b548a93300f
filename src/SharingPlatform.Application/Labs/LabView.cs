using SharingPlatform.Application.ChangeRequests;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Labs;

/// <summary>A lab as the API and pages show it; <see cref="CanManage"/> tells a page whether to offer the manager's tools.</summary>
public sealed record LabView(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    string Description,
    string Municipality,
    string Address,
    string SafetyRules,
    int SeatsPerSlot,
    LabStatus Status,
    string? StatusReason,
    IReadOnlyList<WeeklySlotInput> Timetable,
    IReadOnlyList<DateOnly> ClosedDates,
    IReadOnlyList<LabManagerView> Managers,
    IReadOnlyList<EquipmentView> Equipment,
    uint Version,
    bool CanManage,
    IReadOnlyList<PhotoView> Photos,
    LabBookingLimits BookingLimits,
    PendingChangeView? PendingChange = null,
    RatingSummary? Rating = null);

/// <summary>A lab's fairness limits of booking: how far ahead, how long before, how many active sessions per person.</summary>
public sealed record LabBookingLimits(int HorizonDays, int MinNoticeMinutes, int MaxActiveSessionsPerPerson)
{
    public static LabBookingLimits Of(Lab lab) => new(lab.BookingHorizonDays, lab.MinNoticeMinutes, lab.MaxActiveSessionsPerPerson);
}

public sealed record LabManagerView(Guid Id, string DisplayName);

public sealed record EquipmentView(
    Guid Id,
    string Name,
    string Model,
    string Description,
    bool RequiresQualification,
    string QualificationName,
    bool OutOfService,
    DateTimeOffset? OutOfServiceFrom,
    DateTimeOffset? OutOfServiceUntil,
    string? OutOfServiceReason,
    string? PhotoUrl)
{
    public static EquipmentView From(Equipment e, DateTimeOffset now) => new(
        e.Id, e.Name, e.Model, e.Description, e.RequiresQualification, e.QualificationName, e.IsOutOfServiceAt(now),
        e.OutOfServiceFrom, e.OutOfServiceUntil, e.OutOfServiceReason, e.PhotoFileName is null ? null : $"/media/{e.PhotoFileName}");
}

/// <summary>A weekly slot in the API's shape: "09:00" in Asia/Seoul.</summary>
public sealed record WeeklySlotInput(DayOfWeek DayOfWeek, string Starts, string Ends)
{
    public WeeklySlot ToSlot() => new(DayOfWeek, Parse(Starts), Parse(Ends));

    public static WeeklySlotInput From(WeeklySlot s) => new(s.DayOfWeek, Format(s.Starts), Format(s.Ends));

    public static bool IsTime(string? value) => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static TimeOnly Parse(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>What an organization member types about a lab (create and update).</summary>
public sealed record LabInput(
    string Name,
    string? Description,
    string Municipality,
    string Address,
    string? SafetyRules,
    int SeatsPerSlot,
    IReadOnlyList<WeeklySlotInput> Timetable,
    IReadOnlyList<DateOnly>? ClosedDates)
{
    public LabDetails ToDetails() => new(Name, Description ?? "", Domain.Municipalities.Municipality.FromCode(Municipality), Address, SafetyRules ?? "", SeatsPerSlot);

    public LabTimetable ToTimetable() => LabTimetable.Create((Timetable ?? []).Select(s => s.ToSlot()), ClosedDates ?? []);
}

public sealed class LabInputValidator : AbstractValidator<LabInput>
{
    public LabInputValidator()
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(Lab.NameMaxLength);
        RuleFor(l => l.Description).MaximumLength(Lab.DescriptionMaxLength);
        RuleFor(l => l.SafetyRules).MaximumLength(Lab.SafetyRulesMaxLength);
        RuleFor(l => l.Municipality).Must(Municipality.IsKnown)
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
        RuleFor(l => l.Address).NotEmpty().MaximumLength(200);
        RuleFor(l => l.SeatsPerSlot).InclusiveBetween(1, Lab.MaxSeatsPerSlot);
        RuleFor(l => l.Timetable).NotNull();
        RuleForEach(l => l.Timetable).ChildRules(s =>
        {
            s.RuleFor(o => o.DayOfWeek).IsInEnum().OverridePropertyName("dayOfWeek");
            s.RuleFor(o => o.Starts).Must(WeeklySlotInput.IsTime).WithMessage("HH:mm").OverridePropertyName("starts");
            s.RuleFor(o => o.Ends).Must(WeeklySlotInput.IsTime).WithMessage("HH:mm").OverridePropertyName("ends");
        }).When(l => l.Timetable is not null);
    }
}

public static class LabInputValidation
{
    private static readonly LabInputValidator Validator = new();

    /// <summary>Validates the lab fields of a command under the names the (flat) request body uses.</summary>
    public static void ValidLabInput<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, LabInput>> input) =>
        validator.RuleFor(input).NotNull().Custom((value, context) =>
        {
            foreach (var failure in Validator.Validate(value).Errors)
                context.AddFailure(failure);
        });
}

public static class LabViews
{
    public static async Task<LabView> ViewAsync(this IApplicationDbContext db, Guid labId, Guid? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lab = await db.Labs.AsNoTracking().Include(l => l.Photos).SingleAsync(l => l.Id == labId, cancellationToken);
        var organizationName = await db.Organizations.Where(o => o.Id == lab.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var managerIds = await db.CurrentManagerIdsAsync(lab, cancellationToken);
        var managers = await db.Users.Where(u => managerIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new LabManagerView(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        var equipment = await db.Equipment.AsNoTracking().Where(e => e.LabId == labId).OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var canManage = userId is { } id && await db.IsManagerAsync(lab, id, cancellationToken);
        // The change waiting for review is the organization's business: its members see it, the public sees the live lab.
        var insider = canManage || (userId is { } member && await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == lab.OrganizationId && m.UserId == member, cancellationToken));
        var request = insider ? await db.PendingRequestAsync(ChangeSubjectKind.Lab, lab.Id, cancellationToken) : null;
        var pending = request is null ? null
            : new PendingChangeView(request.Id, request.SubmittedAt, LabChanges.Changes(lab, LabChanges.InputFrom(request.ProposedContent)));
        return new LabView(
            lab.Id, lab.OrganizationId, organizationName, lab.Name, lab.Description, lab.Municipality, lab.Address, lab.SafetyRules,
            lab.SeatsPerSlot, lab.Status, lab.StatusReason, lab.Timetable.Slots.Select(WeeklySlotInput.From).ToList(), lab.Timetable.ClosedDates,
            managers, equipment.Select(e => EquipmentView.From(e, now)).ToList(), lab.Version, canManage,
            lab.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p.Id, p.FileName, p.ThumbnailFileName)).ToList(),
            LabBookingLimits.Of(lab),
            pending,
            await db.RatingAsync(ReviewedListing.Lab, lab.Id, cancellationToken));
    }
}

/// <summary>A lab session as lists and the console show it.</summary>
public sealed record LabBookingView(
    Guid Id,
    Guid LabId,
    string LabName,
    Guid BookerId,
    string BookerName,
    DateTimeOffset SlotStartsAt,
    DateTimeOffset SlotEndsAt,
    IReadOnlyList<Guid> EquipmentIds,
    IReadOnlyList<SessionEquipmentView> Equipment,
    LabBookingStatus Status,
    string? StatusReason,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset CreatedAt);

/// <summary>A piece of equipment a session booked: released when cancelled or taken out of service; minutes once usage is recorded.</summary>
public sealed record SessionEquipmentView(Guid Id, string Name, bool Released, int? UsageMinutes);

public static class LabBookingViews
{
    /// <summary>The view of each session, in the query's order.</summary>
    public static IQueryable<LabBookingView> Views(this IApplicationDbContext db, IQueryable<LabBooking> bookings) =>
        bookings.Select(b => new LabBookingView(
            b.Id, b.LabId, db.Labs.Where(l => l.Id == b.LabId).Select(l => l.Name).Single(), b.BookerId,
            db.Users.Where(u => u.Id == b.BookerId).Select(u => u.DisplayName).Single(),
            b.SlotStartsAt, b.SlotEndsAt,
            b.Equipment.Where(e => !e.Released).Select(e => e.EquipmentId).ToList(),
            b.Equipment.Select(e => new SessionEquipmentView(
                e.EquipmentId, db.Equipment.Where(q => q.Id == e.EquipmentId).Select(q => q.Name).Single(), e.Released, e.UsageMinutes)).ToList(),
            b.Status, b.StatusReason, b.CheckedInAt, b.CreatedAt));

    public static Task<LabBookingView> ViewAsync(this IApplicationDbContext db, Guid bookingId, CancellationToken cancellationToken) =>
        db.Views(db.LabBookings.AsNoTracking().Where(b => b.Id == bookingId)).SingleAsync(cancellationToken);
}
