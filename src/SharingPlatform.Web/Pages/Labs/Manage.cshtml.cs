namespace SharingPlatform.Web.Pages.Labs;

/// <summary>
/// The manager console of a lab (its managers and its organization's owners; 404 for everyone else): today's and upcoming
/// sessions with check-in, usage and cancel; equipment and its service; qualifications granted, revoked and expiring.
/// </summary>
[Authorize]
public sealed class ManageModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> EquipmentInputs = ValidationErrors.Inputs(
        ("Input.Name", "NewEquipment.Name"), ("Input.Model", "NewEquipment.Model"), ("Input.Description", "NewEquipment.Description"),
        ("Input.QualificationName", "NewEquipment.QualificationName"));

    private static readonly Dictionary<string, string> GrantInputs = ValidationErrors.Inputs(
        ("UserEmail", "Grant.Email"), ("EquipmentId", "Grant.EquipmentId"), ("ValidUntil", "Grant.ValidUntil"));

    private static readonly Dictionary<string, string> LabPhotoInputs = ValidationErrors.Inputs(("file", "LabPhoto"));

    private static readonly Dictionary<string, string> LimitsInputs = ValidationErrors.Inputs(
        ("horizonDays", "LimitsHorizonDays"), ("minNoticeMinutes", "LimitsMinNoticeMinutes"), ("maxActiveSessionsPerPerson", "LimitsMaxActive"));

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EquipmentForm NewEquipment { get; set; } = new();

    [BindProperty]
    public GrantForm Grant { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public LabView Lab { get; private set; } = null!;

    public IReadOnlyList<LabBookingView> Today { get; private set; } = [];

    public IReadOnlyList<LabBookingView> Upcoming { get; private set; } = [];

    public IReadOnlyList<QualificationView> Qualifications { get; private set; } = [];

    public IReadOnlyList<QualificationView> ExpiringSoon { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool CanCheckIn(LabBookingView s) =>
        s.Status == Domain.Labs.LabBookingStatus.Booked && Now >= s.SlotStartsAt - Domain.Labs.LabBooking.CheckInWindow && Now < s.SlotEndsAt;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Grant.ValidUntil is null)
            Grant.ValidUntil = SeoulTime.DateOf(clock.GetUtcNow()).AddYears(1);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCheckInAsync(Guid sessionId, CancellationToken cancellationToken) =>
        ActAsync(new CheckInLabBooking(sessionId), "LabCheckedIn", null, cancellationToken);

    public Task<IActionResult> OnPostUsageAsync(Guid sessionId, Dictionary<Guid, int>? minutes, CancellationToken cancellationToken) =>
        ActAsync(new RecordLabUsage(sessionId, (minutes ?? []).Select(m => new EquipmentUsage(m.Key, m.Value)).ToList()), "LabUsageRecorded", null, cancellationToken);

    public Task<IActionResult> OnPostCancelSessionAsync(Guid sessionId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(new CancelLabBooking(sessionId, reason), "LabSessionCancelled", null, cancellationToken);

    public Task<IActionResult> OnPostAddEquipmentAsync(CancellationToken cancellationToken) =>
        ActAsync(new AddEquipment(Id, NewEquipment.ToInput()), "EquipmentAdded", EquipmentInputs, cancellationToken);

    public Task<IActionResult> OnPostEditEquipmentAsync(Guid equipmentId, string? name, string? model, string? description, bool requiresQualification,
        string? qualificationName, CancellationToken cancellationToken) =>
        ActAsync(new UpdateEquipment(Id, equipmentId, new EquipmentInput(name ?? "", model, description, requiresQualification, qualificationName)),
            "EquipmentSaved", null, cancellationToken);

    public Task<IActionResult> OnPostOutOfServiceAsync(Guid equipmentId, DateOnly? from, DateOnly? until, string? reason, CancellationToken cancellationToken)
    {
        var start = from ?? SeoulTime.DateOf(clock.GetUtcNow());
        var end = until ?? start;
        return ActAsync(new PutEquipmentOutOfService(Id, equipmentId, SeoulTime.StartOf(start), SeoulTime.StartOf(end.AddDays(1)), reason),
            "EquipmentOutOfService", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid equipmentId, IFormFile? photo, CancellationToken cancellationToken)
    {
        await using var content = photo?.OpenReadStream() ?? Stream.Null;
        return await ActAsync(new SetEquipmentPhoto(Id, equipmentId, content, photo?.Length ?? 0), "EquipmentPhotoSet", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostLabPhotoAsync(IFormFile? labPhoto, CancellationToken cancellationToken)
    {
        await using var content = labPhoto?.OpenReadStream() ?? Stream.Null;
        return await ActAsync(new AddLabPhoto(Id, content, labPhoto?.Length ?? 0), "PhotoAdded", LabPhotoInputs, cancellationToken);
    }

    /// <summary>The lab's fairness limits of booking (horizon, notice, active sessions per person).</summary>
    public Task<IActionResult> OnPostLimitsAsync(int? horizonDays, int? minNoticeMinutes, int? maxActiveSessionsPerPerson, CancellationToken cancellationToken) =>
        ActAsync(new SetLabBookingLimits(Id, new LabBookingLimits(horizonDays ?? 0, minNoticeMinutes ?? -1, maxActiveSessionsPerPerson ?? 0)),
            "LabBookingLimitsSaved", LimitsInputs, cancellationToken);

    public Task<IActionResult> OnPostRemoveLabPhotoAsync(Guid photoId, CancellationToken cancellationToken) =>
        ActAsync(new RemoveLabPhoto(Id, photoId), "PhotoRemoved", null, cancellationToken);

    public Task<IActionResult> OnPostReturnToServiceAsync(Guid equipmentId, CancellationToken cancellationToken) =>
        ActAsync(new ReturnEquipmentToService(Id, equipmentId), "EquipmentReturned", null, cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        ActAsync(new GrantQualification(Id, Grant.Email ?? "", Grant.EquipmentId ?? Guid.Empty, Grant.ValidUntil ?? default),
            "QualificationGranted", GrantInputs, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid qualificationId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(new RevokeQualification(Id, qualificationId, reason), "QualificationRevoked", null, cancellationToken);

    private Task<IActionResult> ActAsync<TResponse>(
        ICommand<TResponse> command, string done, Dictionary<string, string>? inputs, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer,
            _ =>
            {
                Done = done;
                return RedirectToPage(new { id = Id });
            },
            async () => await LoadAsync(cancellationToken) ? Page() : NotFound(),
            inputs ?? ValidationErrors.Inputs(), cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Lab = await sender.Send(new GetLab(Id), cancellationToken);
            if (!Lab.CanManage)
                return false;
            Now = clock.GetUtcNow();
            Today = (await sender.Send(new ListLabSessions(Id), cancellationToken)).Items;
            var tomorrow = SeoulTime.StartOf(SeoulTime.DateOf(Now).AddDays(1));
            Upcoming = (await sender.Send(new ListLabSessions(Id, Upcoming: true, PageSize: 100), cancellationToken)).Items
                .Where(s => s.SlotStartsAt >= tomorrow).ToList();
            Qualifications = (await sender.Send(new ListLabQualifications(Id, PageSize: 100), cancellationToken)).Items;
            ExpiringSoon = (await sender.Send(new ListLabQualifications(Id, ExpiringSoon: true, PageSize: 100), cancellationToken)).Items;
            return true;
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            return false;
        }
    }

    public sealed class EquipmentForm
    {
        public string? Name { get; set; }

        public string? Model { get; set; }

        public string? Description { get; set; }

        public bool RequiresQualification { get; set; }

        public string? QualificationName { get; set; }

        public EquipmentInput ToInput() => new(Name ?? "", Model, Description, RequiresQualification, QualificationName);
    }

    public sealed class GrantForm
    {
        public string? Email { get; set; }

        public Guid? EquipmentId { get; set; }

        public DateOnly? ValidUntil { get; set; }
    }
}
