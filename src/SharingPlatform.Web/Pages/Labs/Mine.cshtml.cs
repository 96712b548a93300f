namespace SharingPlatform.Web.Pages.Labs;

/// <summary>"My lab sessions": upcoming (cancel until the slot starts) or past, and my qualifications with their expiry dates.</summary>
[Authorize]
public sealed class MineModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? When { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Done { get; set; }

    public bool Past => string.Equals(When, "past", StringComparison.OrdinalIgnoreCase);

    public PagedList<LabBookingView> Sessions { get; private set; } = null!;

    public PagedList<QualificationView> Qualifications { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public int PageCount => (Sessions.TotalCount + Sessions.PageSize - 1) / Sessions.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken cancellationToken) =>
        this.SendAsync(sender, new CancelLabBooking(sessionId, null), localizer,
            _ =>
            {
                Done = "LabSessionCancelled";
                return RedirectToPage();
            },
            async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            },
            ValidationErrors.Inputs(), cancellationToken);

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["when"] = Past ? "past" : "upcoming",
        ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Sessions = await sender.Send(
            new ListMyLabBookings(Past ? BookingTimeframe.Past : BookingTimeframe.Upcoming, Math.Max(1, PageNumber), PageSize), cancellationToken);
        Qualifications = await sender.Send(new ListMyQualifications(1, 50), cancellationToken);
    }
}
