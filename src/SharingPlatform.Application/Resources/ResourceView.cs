using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Application.Resources;

/// <summary>A resource as the API and pages show it.</summary>
public sealed record ResourceView(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    ResourceCategory Category,
    string Title,
    string Description,
    string Municipality,
    string Address,
    int? Capacity,
    int? FeePerHour,
    string FeeNote,
    bool IsFree,
    IReadOnlyList<PhotoView> Photos,
    ResourceStatus Status,
    string? StatusReason,
    uint Version,
    PolicyInput Policy,
    DateTimeOffset UpdatedAt,
    PendingChangeView? PendingChange = null,
    LendingInput? Lending = null,
    RatingSummary? Rating = null)
{
    public SharingMode SharingMode => Lending is null ? SharingMode.Slots : SharingMode.Loans;

    public static ResourceView From(SharedResource r, string organizationName) => new(
        r.Id, r.OrganizationId, organizationName, r.Category, r.Title, r.Description, r.Municipality, r.Address, r.Capacity,
        r.FeePerHour, r.FeeNote, r.IsFree,
        r.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p.Id, p.FileName, p.ThumbnailFileName)).ToList(),
        r.Status, r.StatusReason, r.Version, PolicyInput.From(r.Policy), r.UpdatedAt, null, LendingInput.From(r.Lending));
}

/// <summary>What an organization member types about a resource (create and update).</summary>
public sealed record ResourceInput(
    ResourceCategory Category,
    string Title,
    string Description,
    string Municipality,
    string Address,
    int? Capacity,
    int? FeePerHour,
    string? FeeNote,
    PolicyInput Policy,
    LendingInput? Lending = null)
{
    public ResourceDetails ToDetails() => new(
        Category, Title, Description ?? "", Domain.Municipalities.Municipality.FromCode(Municipality), Address ?? "", Capacity, FeePerHour, FeeNote ?? "");
}

/// <summary>The booking policy in the API's shape; opening times are "09:00" in Asia/Seoul.</summary>
public sealed record PolicyInput(
    ApprovalMode ApprovalMode,
    int SlotMinutes,
    int MinMinutes,
    int MaxMinutes,
    int MinNoticeMinutes,
    int HorizonDays,
    int BufferMinutes,
    bool RequiresCheckIn,
    int MaxActivePerPerson,
    IReadOnlyList<OpeningPeriodInput> OpeningHours,
    IReadOnlyList<DateOnly> ClosedDates)
{
    public BookingPolicy ToPolicy() => BookingPolicy.Create(
        ApprovalMode, SlotMinutes, MinMinutes, MaxMinutes, MinNoticeMinutes, HorizonDays, BufferMinutes, RequiresCheckIn,
        MaxActivePerPerson,
        (OpeningHours ?? []).Select(p => new OpeningPeriod(p.DayOfWeek, ParseTime(p.Opens), ParseTime(p.Closes))),
        ClosedDates ?? []);

    public static PolicyInput From(BookingPolicy p) => new(
        p.ApprovalMode, p.SlotMinutes, p.MinMinutes, p.MaxMinutes, p.MinNoticeMinutes, p.HorizonDays, p.BufferMinutes,
        p.RequiresCheckIn, p.MaxActivePerPerson,
        p.OpeningHours.Select(o => new OpeningPeriodInput(o.DayOfWeek, Format(o.Opens), Format(o.Closes))).ToList(),
        p.ClosedDates);

    public static bool IsTime(string? value) => value == "24:00" || TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static TimeOnly ParseTime(string value) =>
        value == "24:00" ? TimeOnly.MaxValue : TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    private static string Format(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

public sealed record OpeningPeriodInput(DayOfWeek DayOfWeek, string Opens, string Closes);

/// <summary>How a resource lent by the day goes out (absent for one booked by the slot); the policy's opening hours are the desk's.</summary>
public sealed record LendingInput(
    int Units,
    IReadOnlyList<string>? UnitLabels,
    int MaxLoanDays,
    int MaxUnitsPerPerson,
    int MinNoticeDays,
    int HorizonDays,
    int DepositWon,
    ApprovalMode ApprovalMode)
{
    public LendingPolicy ToLending() =>
        LendingPolicy.Create(Units, UnitLabels, MaxLoanDays, MaxUnitsPerPerson, MinNoticeDays, HorizonDays, DepositWon, ApprovalMode);

    public static LendingInput? From(LendingPolicy? l) => l is null ? null
        : new(l.Units, l.UnitLabels, l.MaxLoanDays, l.MaxUnitsPerPerson, l.MinNoticeDays, l.HorizonDays, l.DepositWon, l.ApprovalMode);
}

public sealed class ResourceInputValidator : AbstractValidator<ResourceInput>
{
    public ResourceInputValidator()
    {
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Title).NotEmpty().MaximumLength(SharedResource.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(SharedResource.DescriptionMaxLength);
        RuleFor(r => r.Municipality).Must(Municipality.IsKnown)
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
        RuleFor(r => r.Address).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Capacity).InclusiveBetween(1, 10_000);
        RuleFor(r => r.FeePerHour).InclusiveBetween(0, 10_000_000);
        RuleFor(r => r.FeeNote).MaximumLength(200);
        RuleFor(r => r.Policy).NotNull();
        RuleFor(r => r.Lending!.ApprovalMode).IsInEnum().When(r => r.Lending is not null).OverridePropertyName("lending.approvalMode");
        RuleFor(r => r.Policy.ApprovalMode).IsInEnum().When(r => r.Policy is not null).OverridePropertyName("policy.approvalMode");
        RuleForEach(r => r.Policy.OpeningHours).ChildRules(p =>
        {
            p.RuleFor(o => o.DayOfWeek).IsInEnum().OverridePropertyName("dayOfWeek");
            p.RuleFor(o => o.Opens).Must(PolicyInput.IsTime).WithMessage("HH:mm").OverridePropertyName("opens");
            p.RuleFor(o => o.Closes).Must(PolicyInput.IsTime).WithMessage("HH:mm").OverridePropertyName("closes");
        }).When(r => r.Policy?.OpeningHours is not null).OverridePropertyName("policy.openingHours");
    }
}

public static class ResourceInputValidation
{
    private static readonly ResourceInputValidator Validator = new();

    /// <summary>
    /// Validates the resource fields of a command under the names the request body uses (<c>title</c>,
    /// <c>policy.openingHours[0].opens</c>), not under the command's own property (<c>input.Title</c>): the body is flat.
    /// </summary>
    public static void ValidResourceInput<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, ResourceInput>> input) =>
        validator.RuleFor(input).NotNull().Custom((value, context) =>
        {
            foreach (var failure in Validator.Validate(value).Errors)
                context.AddFailure(failure);
        });
}
