namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>"My bookings": upcoming (soonest first) or past (latest first), paged, with a no-show pause said plainly.</summary>
[Authorize]
public sealed class MineModel(ISender sender) : PageModel
{
    private const int PageSize = 20;

    /// <summary><c>upcoming</c> (the default) or <c>past</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? When { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public bool Past => string.Equals(When, "past", StringComparison.OrdinalIgnoreCase);

    public PagedList<BookingView> Bookings { get; private set; } = null!;

    public DateTimeOffset? PausedUntil { get; private set; }

    public int PageCount => (Bookings.TotalCount + Bookings.PageSize - 1) / Bookings.PageSize;

    /// <summary>What was just done (a series booked, a booking cancelled), shown once after the redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PausedUntil = await sender.Send(new GetMyBookingPause(), cancellationToken);
        Bookings = await sender.Send(
            new ListMyBookings(Past ? BookingTimeframe.Past : BookingTimeframe.Upcoming, Math.Max(1, PageNumber), PageSize), cancellationToken);
    }

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["when"] = Past ? "past" : "upcoming",
        ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
