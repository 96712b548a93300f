using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Web.Pages.Labs;

/// <summary>
/// A member of a verified organization creates a lab (a draft), or one of its managers edits it: facts, safety rules, seats,
/// the weekly timetable (a row per slot), closed dates and, when editing, the managers by email. Submitting for review is
/// on the lab's page.
/// </summary>
[Authorize]
public sealed class EditModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int BlankRows = 4;

    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("OrganizationId", "Input.OrganizationId"),
        ("Input.Name", "Input.Name"),
        ("Input.Description", "Input.Description"),
        ("Input.Municipality", "Input.Municipality"),
        ("Input.Address", "Input.Address"),
        ("Input.SafetyRules", "Input.SafetyRules"),
        ("Input.SeatsPerSlot", "Input.SeatsPerSlot"),
        ("Name", "Input.Name"),
        ("Description", "Input.Description"),
        ("Municipality", "Input.Municipality"),
        ("Address", "Input.Address"),
        ("SafetyRules", "Input.SafetyRules"),
        ("SeatsPerSlot", "Input.SeatsPerSlot"),
        ("Emails", "Input.Managers"));

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public LabForm Input { get; set; } = new();

    /// <summary>The change of this published lab that waits for an administrator, if any (the page says so).</summary>
    public SharingPlatform.Application.ChangeRequests.PendingChangeView? PendingChange { get; private set; }

    public IReadOnlyList<MyOrganizationView> Organizations { get; private set; } = [];

    public IReadOnlyList<LabManagerView> Managers { get; private set; } = [];

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            try
            {
                var lab = await sender.Send(new GetLab(id), cancellationToken);
                if (!lab.CanManage)
                    return NotFound();
                Input = LabForm.From(lab);
                PendingChange = lab.PendingChange;
                Managers = lab.Managers;
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        else
        {
            Input.Timetable = [];
        }

        await LoadOrganizationsAsync(cancellationToken);
        Input.AddBlankRows(BlankRows);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var closedDates = Input.ParseClosedDates();
        if (closedDates is null)
            ModelState.AddModelError("Input.ClosedDates", localizer["Error_ClosedDates_Invalid"]);
        if (!ModelState.IsValid)
            return await RefusedAsync(cancellationToken);

        var input = Input.ToInput(closedDates!);
        var emails = (Input.Managers ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        LabView? saved = null;
        if (Id is { } id)
        {
            IActionResult result;
            try
            {
                result = await this.SendAsync(sender, new UpdateLab(id, Input.Version, input), localizer, lab => { saved = lab; return Page(); },
                    () => RefusedAsync(cancellationToken), Inputs, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Keep the newer data: show what is saved now, with its version, and say so.
                var newer = await sender.Send(new GetLab(id), cancellationToken);
                ModelState.Clear();
                Input = LabForm.From(newer);
                Managers = newer.Managers;
                Input.AddBlankRows(BlankRows);
                ModelState.AddModelError("", localizer["LabEditConflict"]);
                return Page();
            }

            if (saved is null)
                return result;
            if (emails.Length > 0)
            {
                var named = false;
                result = await this.SendAsync(sender, new NameLabManagers(id, emails), localizer, _ => { named = true; return Page(); },
                    () => RefusedAsync(cancellationToken), Inputs, cancellationToken);
                if (!named)
                    return result;
            }
        }
        else
        {
            var result = await this.SendAsync(sender, new CreateLab(Input.OrganizationId ?? Guid.Empty, input), localizer, lab => { saved = lab; return Page(); },
                () => RefusedAsync(cancellationToken), Inputs, cancellationToken);
            if (saved is null)
                return result;
        }

        TempData["Done"] = saved.PendingChange is null ? "LabSaved" : "ChangeSubmittedForReview";
        return RedirectToPage("/Labs/Details", new { id = saved.Id });
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await LoadOrganizationsAsync(cancellationToken);
        if (Id is { } id)
        {
            try
            {
                Managers = (await sender.Send(new GetLab(id), cancellationToken)).Managers;
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        Input.AddBlankRows(Math.Max(0, BlankRows - Input.Timetable.Count(r => r.IsBlank)));
        return Page();
    }

    private async Task LoadOrganizationsAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
            Organizations = (await sender.Send(new ListMyOrganizations(), cancellationToken)).Where(o => o.Status == OrganizationStatus.Verified).ToList();
    }

    public sealed class LabForm
    {
        public Guid? OrganizationId { get; set; }

        public uint Version { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Municipality { get; set; }

        public string? Address { get; set; }

        public string? SafetyRules { get; set; }

        public int SeatsPerSlot { get; set; } = 4;

        public List<SlotRow> Timetable { get; set; } = [];

        /// <summary>One yyyy-MM-dd a line.</summary>
        public string? ClosedDates { get; set; }

        /// <summary>Emails of the managers, one a line; empty keeps them.</summary>
        public string? Managers { get; set; }

        public static LabForm From(LabView lab) => new()
        {
            OrganizationId = lab.OrganizationId,
            Version = lab.Version,
            Name = lab.Name,
            Description = lab.Description,
            Municipality = lab.Municipality,
            Address = lab.Address,
            SafetyRules = lab.SafetyRules,
            SeatsPerSlot = lab.SeatsPerSlot,
            Timetable = lab.Timetable.Select(s => new SlotRow { Day = s.DayOfWeek, Starts = s.Starts, Ends = s.Ends }).ToList(),
            ClosedDates = string.Join('\n', lab.ClosedDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };

        public void AddBlankRows(int count)
        {
            for (var i = 0; i < count; i++)
                Timetable.Add(new SlotRow());
        }

        public IReadOnlyList<DateOnly>? ParseClosedDates()
        {
            var dates = new List<DateOnly>();
            foreach (var line in (ClosedDates ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return null;
                dates.Add(date);
            }

            return dates;
        }

        public LabInput ToInput(IReadOnlyList<DateOnly> closedDates) => new(
            Name ?? "", Description, Municipality ?? "", Address ?? "", SafetyRules, SeatsPerSlot,
            Timetable.Where(r => !r.IsBlank).Select(r => new WeeklySlotInput(r.Day ?? DayOfWeek.Monday, r.Starts ?? "", r.Ends ?? "")).ToList(),
            closedDates);
    }

    public sealed class SlotRow
    {
        public DayOfWeek? Day { get; set; }

        public string? Starts { get; set; }

        public string? Ends { get; set; }

        public bool IsBlank => Day is null && string.IsNullOrWhiteSpace(Starts) && string.IsNullOrWhiteSpace(Ends);
    }
}
