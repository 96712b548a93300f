namespace SharingPlatform.Web.Pages.Loans;

/// <summary>
/// For the lending desk: a lent resource's units out of service (broken, in repair), the loans now short of units, a form
/// to take units out for a period with a reason, and a button to put them back in service early. 404 for anyone else.
/// </summary>
[Authorize]
public sealed class UnitsModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ResourceId { get; set; }

    [BindProperty]
    public OutageInput Input { get; set; } = new();

    public UnitOutages Outages { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input = new OutageInput { FirstDay = Today, LastDay = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var command = new TakeUnitsOutOfService(ResourceId, Input.Units, Input.UnitLabel, Input.FirstDay ?? default, Input.LastDay ?? default, Input.Reason);
        return await this.SendAsync(sender, command, localizer, taken => this.RedirectWithDone(new { resourceId = ResourceId }, taken.LoansAtRisk.Count > 0 ? "UnitOutageTakenAtRisk" : "UnitOutageTaken"),
            () => ReloadAsync(cancellationToken),
            ValidationErrors.Inputs(("Units", "Input.Units"), ("FirstDay", "Input.FirstDay"), ("LastDay", "Input.LastDay"), ("Reason", "Input.Reason")),
            cancellationToken,
            codeInputs: new Dictionary<string, string>
            {
                ["outage_units_invalid"] = "Input.Units", ["unit_label_unknown"] = "Input.UnitLabel", ["outage_days_invalid"] = "Input.FirstDay",
                ["reason_required"] = "Input.Reason",
            });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid outageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        return await this.SendAsync(sender, new PutUnitsBackInService(ResourceId, outageId), localizer, _ => this.RedirectWithDone(new { resourceId = ResourceId }, "UnitOutageEnded"),
            () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(), cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = SeoulTime.DateOf(clock.GetUtcNow());
        try
        {
            Outages = await sender.Send(new ListUnitOutages(ResourceId), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is Application.Common.NotFoundException or DomainRuleException)
        {
            return false;
        }
    }

    public sealed class OutageInput
    {
        public int Units { get; set; } = 1;

        public string? UnitLabel { get; set; }

        public DateOnly? FirstDay { get; set; }

        public DateOnly? LastDay { get; set; }

        public string? Reason { get; set; }
    }
}
