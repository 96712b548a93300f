namespace SharingPlatform.Web.Pages.Admin;

/// <summary>
/// The administrators' review queue: organizations to verify and resources to review, oldest first, each with its
/// decision. Administrators only, by the /Admin folder convention in Program.cs.
/// </summary>
public sealed class ReviewModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    public ReviewQueue Queue { get; private set; } = null!;

    /// <summary>One section only (<c>?kind=reports</c>), or all.</summary>
    [BindProperty(SupportsGet = true)]
    public ReviewQueueKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    /// <summary>The item whose reject form came back with an error, so its reason box says so.</summary>
    public Guid? RefusedId { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Queue = await sender.Send(Filter(), cancellationToken);

    private GetReviewQueue Filter() =>
        new(Kind is { } kind && Enum.IsDefined(kind) ? kind : null,
            Municipality is { } m && Domain.Municipalities.Municipality.IsKnown(m) ? m : null);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, new VerifyOrganization(id, Blank(reason)), "OrganizationVerified", cancellationToken);

    public Task<IActionResult> OnPostRejectOrganizationAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, new RejectOrganization(id, Blank(reason)), "OrganizationRejected", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, new ApproveResource(id, Blank(reason)), "ResourceApproved", cancellationToken);

    public Task<IActionResult> OnPostRejectResourceAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, new RejectResource(id, Blank(reason)), "ResourceRejected", cancellationToken);

    public Task<IActionResult> OnPostApproveLabAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, new ApproveLab(id, Blank(reason)), "LabApproved", cancellationToken);

    public Task<IActionResult> OnPostRejectLabAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, new RejectLab(id, Blank(reason)), "LabRejected", cancellationToken);

    private static string? Blank(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private Task<IActionResult> DecideAsync(Guid id, ICommand command, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage();
        }, async () =>
        {
            RefusedId = ModelState.TryGetValue(ReasonInput(id), out var reason) && reason.Errors.Count > 0 ? id : null;
            Queue = await sender.Send(Filter(), cancellationToken);
            return Page();
        }, ValidationErrors.Inputs(("Reason", ReasonInput(id))), cancellationToken, gone: localizer["ReviewItemGone"]);

    private static string ReasonInput(Guid id) => $"reason-{id}";
}
