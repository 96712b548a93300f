namespace SharingPlatform.Web.Pages.Admin;

/// <summary>
/// People whose booking is paused after three no-shows in 90 days; an administrator lifts a pause with a reason (kept in
/// the audit log). Administrators only, by the /Admin folder convention in Program.cs.
/// </summary>
public sealed class PausedBookersModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<PausedBooker> Paused { get; private set; } = null!;

    public int PageCount => (Paused.TotalCount + Paused.PageSize - 1) / Paused.PageSize;

    [TempData]
    public string? Done { get; set; }

    public static string ReasonId(Guid id) => $"reason-{id}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostLiftAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        this.SendAsync(sender, new LiftBookingPause(id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), localizer, _ =>
        {
            Done = "BookingPauseLifted";
            return RedirectToPage(new { pageNumber = PageNumber });
        }, async () =>
        {
            await LoadAsync(cancellationToken);
            return Page();
        }, ValidationErrors.Inputs(("Reason", ReasonId(id))), cancellationToken, gone: localizer["PausedBookerGone"]);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Paused = await sender.Send(new ListPausedBookers(Math.Max(1, PageNumber)), cancellationToken);
}
