namespace SharingPlatform.Web.Pages.Resources;

/// <summary>
/// A member lists a resource (<c>?organizationId=</c>) or edits one (<c>?id=</c>): details and booking policy. An edit
/// carries the version it was made from; if someone saved since, the newer data is shown and nothing is overwritten.
/// </summary>
[Authorize]
public sealed class EditModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    /// <summary>The use case names the fields as the API's flat body does (<c>title</c>, <c>policy.approvalMode</c>).</summary>
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Category", "Input.Category"),
        ("Title", "Input.Title"),
        ("Description", "Input.Description"),
        ("Municipality", "Input.Municipality"),
        ("Address", "Input.Address"),
        ("Capacity", "Input.Capacity"),
        ("FeePerHour", "Input.FeePerHour"),
        ("FeeNote", "Input.FeeNote"),
        ("policy.approvalMode", "Input.ApprovalMode"),
        ("lending.approvalMode", "Input.LendingApprovalMode"));

    /// <summary>Which input a refused policy rule is about.</summary>
    private static readonly Dictionary<string, string> RuleInputs = new()
    {
        ["slot_size_invalid"] = "Input.SlotMinutes",
        ["min_duration_invalid"] = "Input.MinMinutes",
        ["max_below_min"] = "Input.MaxMinutes",
        ["max_duration_invalid"] = "Input.MaxMinutes",
        ["min_notice_invalid"] = "Input.MinNoticeMinutes",
        ["horizon_invalid"] = "Input.HorizonDays",
        ["buffer_invalid"] = "Input.BufferMinutes",
        ["per_person_cap_invalid"] = "Input.MaxActivePerPerson",
        ["units_invalid"] = "Input.Units",
        ["unit_labels_invalid"] = "Input.UnitLabels",
        ["max_loan_days_invalid"] = "Input.MaxLoanDays",
        ["max_units_per_person_invalid"] = "Input.MaxUnitsPerPerson",
        ["min_notice_days_invalid"] = "Input.MinNoticeDays",
        ["lending_horizon_invalid"] = "Input.LendingHorizonDays",
        ["deposit_invalid"] = "Input.DepositWon",
    };

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganizationId { get; set; }

    [BindProperty]
    public ResourceForm Input { get; set; } = new();

    /// <summary>A first photo sent with a new resource's form, so that a listing need not be saved before it has a picture.</summary>
    [BindProperty]
    public IFormFile? Photo { get; set; }

    public string OrganizationName { get; private set; } = "";

    /// <summary>The change of this published resource that waits for an administrator, if any (the page says so).</summary>
    public SharingPlatform.Application.ChangeRequests.PendingChangeView? PendingChange { get; private set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Id is { } id)
            {
                var resource = await sender.Send(new GetResource(id), cancellationToken);
                if (!await IsMemberAsync(resource.OrganizationId, cancellationToken))
                    return NotFound();
                Input = ResourceForm.From(resource);
                PendingChange = resource.PendingChange;
                OrganizationName = resource.OrganizationName;
            }
            else if (OrganizationId is { } organizationId)
            {
                var organization = await sender.Send(new GetOrganization(organizationId), cancellationToken);
                if (organization.MyRole is null)
                    return NotFound();
                Input = ResourceForm.NewFor(organization.Organization.Municipality);
                OrganizationName = organization.Organization.Name;
            }
            else
            {
                return NotFound();
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>The new resource is saved whatever its photo: a photo refused (not an image, too large) is said, to be added again from its page.</summary>
    private async Task<bool> AddFirstPhotoAsync(Guid resourceId, IFormFile photo, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = photo.OpenReadStream();
            await sender.Send(new AddResourcePhoto(resourceId, content, photo.Length), cancellationToken);
            return true;
        }
        catch (Exception refused) when (refused is ValidationException or DomainRuleException)
        {
            return false;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var closedDates = Input.ParseClosedDates();
        if (closedDates is null)
            ModelState.AddModelError("Input.ClosedDates", localizer["Error_ClosedDates_Invalid"]);
        for (var i = 0; i < Input.Days.Count; i++)
        {
            var day = Input.Days[i];
            if (day.KeptPeriods is { Length: > 0 })
                continue;
            if (day.Open && (!PolicyInput.IsTime(day.Opens) || !PolicyInput.IsTime(day.Closes)))
                ModelState.AddModelError($"Input.Days[{i}].Opens", localizer["Error_Day_Times", localizer.Name(day.DayOfWeek)]);
            else if (day.Open && !day.HasValidBreak())
                ModelState.AddModelError($"Input.Days[{i}].BreakStarts", localizer["Error_Day_Break", localizer.Name(day.DayOfWeek)]);
        }

        if (!ModelState.IsValid)
            return await RefusedAsync(cancellationToken);

        var input = Input.ToInput(closedDates!);
        try
        {
            var saved = Id is { } id
                ? await sender.Send(new UpdateResource(id, Input.Version, input), cancellationToken)
                : await sender.Send(new CreateResource(OrganizationId ?? Guid.Empty, input), cancellationToken);
            TempData["Done"] = saved.PendingChange is null ? "ResourceSaved" : "ChangeSubmittedForReview";
            if (Id is null && Photo is { Length: > 0 } photo && !await AddFirstPhotoAsync(saved.Id, photo, cancellationToken))
                TempData["Done"] = "ResourceSavedPhotoRefused";
            return RedirectToPage("/Resources/Details", new { id = saved.Id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(RuleInputs.GetValueOrDefault(rule.Code, ""), localizer.Describe(rule));
        }
        catch (Exception conflict) when (conflict is ConflictException or DbUpdateConcurrencyException)
        {
            // Keep the newer data: show what is saved now, with its version, and say so.
            var newer = await sender.Send(new GetResource(Id!.Value), cancellationToken);
            ModelState.Clear();
            Input = ResourceForm.From(newer);
            OrganizationName = newer.OrganizationName;
            ModelState.AddModelError("", localizer["EditConflict"]);
            return Page();
        }

        return await RefusedAsync(cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        try
        {
            OrganizationName = Id is { } id
                ? (await sender.Send(new GetResource(id), cancellationToken)).OrganizationName
                : (await sender.Send(new GetOrganization(OrganizationId ?? Guid.Empty), cancellationToken)).Organization.Name;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    private async Task<bool> IsMemberAsync(Guid organizationId, CancellationToken cancellationToken) =>
        (await sender.Send(new GetOrganization(organizationId), cancellationToken)).MyRole is not null;

    public sealed class ResourceForm
    {
        public uint Version { get; set; }
        public ResourceCategory Category { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Municipality { get; set; }
        public string? Address { get; set; }
        public int? Capacity { get; set; }
        public int? FeePerHour { get; set; }
        public string? FeeNote { get; set; }
        public ApprovalMode ApprovalMode { get; set; }
        public int SlotMinutes { get; set; }
        public int MinMinutes { get; set; }
        public int MaxMinutes { get; set; }
        public int MinNoticeMinutes { get; set; }
        public int HorizonDays { get; set; }
        public int BufferMinutes { get; set; }
        public bool RequiresCheckIn { get; set; }
        public int MaxActivePerPerson { get; set; }

        public SharingMode SharingMode { get; set; }
        public int Units { get; set; }

        /// <summary>One label a line, for every unit, or none.</summary>
        public string? UnitLabels { get; set; }

        public int MaxLoanDays { get; set; }
        public int MaxUnitsPerPerson { get; set; }
        public int MinNoticeDays { get; set; }
        public int LendingHorizonDays { get; set; }
        public int DepositWon { get; set; }
        public ApprovalMode LendingApprovalMode { get; set; }

        /// <summary>Monday to Sunday; one opening period a day.</summary>
        public List<DayForm> Days { get; set; } = CatalogText.Week.Select(d => new DayForm { DayOfWeek = d }).ToList();

        /// <summary>One yyyy-MM-dd a line.</summary>
        public string? ClosedDates { get; set; }

        public static ResourceForm NewFor(string municipality) => new()
        {
            Category = ResourceCategory.Space,
            Municipality = municipality,
            ApprovalMode = ApprovalMode.Manual,
            SlotMinutes = 30,
            MinMinutes = 60,
            MaxMinutes = 240,
            MinNoticeMinutes = 24 * 60,
            HorizonDays = 60,
            BufferMinutes = 0,
            MaxActivePerPerson = 3,
            SharingMode = SharingMode.Slots,
            Units = 1,
            MaxLoanDays = 7,
            MaxUnitsPerPerson = 1,
            MinNoticeDays = 1,
            LendingHorizonDays = 60,
            LendingApprovalMode = ApprovalMode.Manual,
            Days = CatalogText.Week.Select(d => new DayForm
            {
                DayOfWeek = d,
                Open = d is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                Opens = "09:00",
                Closes = "18:00",
            }).ToList(),
        };

        public static ResourceForm From(ResourceView r) => new()
        {
            Version = r.Version,
            Category = r.Category,
            Title = r.Title,
            Description = r.Description,
            Municipality = r.Municipality,
            Address = r.Address,
            Capacity = r.Capacity,
            FeePerHour = r.FeePerHour,
            FeeNote = r.FeeNote,
            ApprovalMode = r.Policy.ApprovalMode,
            SlotMinutes = r.Policy.SlotMinutes,
            MinMinutes = r.Policy.MinMinutes,
            MaxMinutes = r.Policy.MaxMinutes,
            MinNoticeMinutes = r.Policy.MinNoticeMinutes,
            HorizonDays = r.Policy.HorizonDays,
            BufferMinutes = r.Policy.BufferMinutes,
            RequiresCheckIn = r.Policy.RequiresCheckIn,
            MaxActivePerPerson = r.Policy.MaxActivePerPerson,
            SharingMode = r.SharingMode,
            Units = r.Lending?.Units ?? 1,
            UnitLabels = r.Lending is { UnitLabels: { } labels } ? string.Join('\n', labels) : null,
            MaxLoanDays = r.Lending?.MaxLoanDays ?? 7,
            MaxUnitsPerPerson = r.Lending?.MaxUnitsPerPerson ?? 1,
            MinNoticeDays = r.Lending?.MinNoticeDays ?? 1,
            LendingHorizonDays = r.Lending?.HorizonDays ?? 60,
            DepositWon = r.Lending?.DepositWon ?? 0,
            LendingApprovalMode = r.Lending?.ApprovalMode ?? ApprovalMode.Manual,
            Days = CatalogText.Week.Select(d =>
            {
                var periods = r.Policy.OpeningHours.Where(p => p.DayOfWeek == d).OrderBy(p => p.Opens, StringComparer.Ordinal).ToList();
                return new DayForm
                {
                    DayOfWeek = d,
                    Open = periods.Count > 0,
                    Opens = periods.Count > 0 ? periods[0].Opens : "09:00",
                    // A time input cannot hold 24:00: midnight at the end of the day is typed as 00:00.
                    Closes = periods.Count > 0 ? (periods[^1].Closes == "24:00" ? "00:00" : periods[^1].Closes) : "18:00",
                    // Two periods a day are one with a break. More come from the API only: the form keeps them as they are.
                    BreakStarts = periods.Count == 2 ? periods[0].Closes : null,
                    BreakEnds = periods.Count == 2 ? periods[^1].Opens : null,
                    KeptPeriods = periods.Count > 2 ? string.Join(' ', periods.Select(p => $"{p.Opens}-{p.Closes}")) : null,
                };
            }).ToList(),
            ClosedDates = string.Join('\n', r.Policy.ClosedDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };

        /// <summary>The closed dates, or null when a line is not a date.</summary>
        public List<DateOnly>? ParseClosedDates()
        {
            var dates = new List<DateOnly>();
            foreach (var line in (ClosedDates ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return null;
                dates.Add(date);
            }

            return dates;
        }

        public ResourceInput ToInput(IReadOnlyList<DateOnly> closedDates) => new(
            Category, Title?.Trim() ?? "", Description ?? "", Municipality ?? "", Address?.Trim() ?? "", Capacity, FeePerHour, FeeNote?.Trim(),
            new PolicyInput(
                ApprovalMode, SlotMinutes, MinMinutes, MaxMinutes, MinNoticeMinutes, HorizonDays, BufferMinutes, RequiresCheckIn,
                MaxActivePerPerson,
                Days.Where(d => d.Open).SelectMany(d => d.Periods()).ToList(),
                closedDates),
            SharingMode == SharingMode.Loans
                ? new LendingInput(
                    Units,
                    (UnitLabels ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                    MaxLoanDays, MaxUnitsPerPerson, MinNoticeDays, LendingHorizonDays, DepositWon, LendingApprovalMode)
                : null);
    }

    public sealed class DayForm
    {
        public DayOfWeek DayOfWeek { get; set; }
        public bool Open { get; set; }
        public string? Opens { get; set; }
        public string? Closes { get; set; }
        public string? BreakStarts { get; set; }
        public string? BreakEnds { get; set; }

        /// <summary>A day of more than two opening periods (made through the API), kept unchanged: "09:00-10:00 11:00-12:00 …".</summary>
        public string? KeptPeriods { get; set; }

        private bool HasBreak => !string.IsNullOrWhiteSpace(BreakStarts) || !string.IsNullOrWhiteSpace(BreakEnds);

        private string ClosesAt => Closes == "00:00" ? "24:00" : Closes!;

        /// <summary>No break, or one with both ends, inside the opening hours (times as HH:mm compare as text).</summary>
        public bool HasValidBreak() => !HasBreak
            || (PolicyInput.IsTime(BreakStarts) && PolicyInput.IsTime(BreakEnds)
                && string.CompareOrdinal(Opens, BreakStarts) < 0 && string.CompareOrdinal(BreakStarts, BreakEnds) < 0
                && string.CompareOrdinal(BreakEnds, ClosesAt) < 0);

        public IEnumerable<OpeningPeriodInput> Periods() => KeptPeriods is { Length: > 0 }
            ? KeptPeriods.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('-'))
                .Select(p => new OpeningPeriodInput(DayOfWeek, p[0], p.Length > 1 ? p[1] : ""))
            : HasBreak
            ? [new OpeningPeriodInput(DayOfWeek, Opens!, BreakStarts!), new OpeningPeriodInput(DayOfWeek, BreakEnds!, ClosesAt)]
            : [new OpeningPeriodInput(DayOfWeek, Opens!, ClosesAt)];
    }
}
