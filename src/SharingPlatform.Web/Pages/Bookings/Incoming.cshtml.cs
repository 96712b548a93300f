namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>
/// The organization side: bookings of the caller's organizations' resources, pending requests first by default, filtered
/// by status, resource and Seoul date, each with the moves that apply (approve, reject with a reason, check in).
/// </summary>
[Authorize]
public sealed class IncomingModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    public const string AllStatuses = "all";
    private const int PageSize = 20;

    /// <summary>A <see cref="BookingStatus"/> name, or <c>all</c>; pending when not chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ResourceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public bool HasOrganizations { get; private set; }

    public IReadOnlyList<MyOrganizationsResource> Resources { get; private set; } = [];

    public PagedList<BookingView>? Bookings { get; private set; }

    public int PageCount => Bookings is null ? 0 : (Bookings.TotalCount + Bookings.PageSize - 1) / Bookings.PageSize;

    public DateTimeOffset Now { get; private set; }

    /// <summary>The booking whose reject form came back with an error.</summary>
    public Guid? RefusedId { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public BookingStatus? StatusFilter =>
        string.Equals(Status, AllStatuses, StringComparison.OrdinalIgnoreCase) ? null
        : Enum.TryParse<BookingStatus>(Status, ignoreCase: true, out var status) ? status
        : BookingStatus.Pending;

    /// <summary>The status the select shows: the chosen one, or pending.</summary>
    public string StatusValue => StatusFilter?.ToString() ?? AllStatuses;

    public static string ReasonId(Guid id) => $"reason-{id}";

    /// <summary>Today in Seoul, for the "today" view: the day's arrivals in order, with check-in one tap away.</summary>
    public DateOnly Today => SeoulTime.DateOf(Now);

    /// <summary>Which of the three views the filters amount to (requests waiting, today, everything), if any.</summary>
    public string? View =>
        ResourceId is not null ? null
        : StatusFilter == BookingStatus.Pending && Date is null ? "pending"
        : StatusFilter is null && Date == Today ? "today"
        : StatusFilter is null && Date is null ? "all"
        : null;

    public bool CanCheckIn(BookingView b) =>
        b.Status == BookingStatus.Confirmed && Now >= b.StartsAt - Booking.CheckInWindow && Now < b.EndsAt;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(ResourceId));
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ApproveBooking(id), "BookingApprovedMessage", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, new RejectBooking(id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), "BookingRejectedMessage", cancellationToken);

    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new CheckInBooking(id), "BookingCheckedInMessage", cancellationToken);

    private Task<IActionResult> ActAsync<TResponse>(Guid id, ICommand<TResponse> command, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage(RouteFor(PageNumber));
        }, async () =>
        {
            RefusedId = ModelState.TryGetValue(ReasonId(id), out var reason) && reason.Errors.Count > 0 ? id : null;
            await LoadAsync(cancellationToken);
            return Page();
        }, ValidationErrors.Inputs(("Reason", ReasonId(id))), cancellationToken, gone: localizer["BookingGone"]);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var organizations = await sender.Send(new ListMyOrganizations(), cancellationToken);
        HasOrganizations = organizations.Count > 0;
        if (!HasOrganizations)
            return;

        Resources = await sender.Send(new ListResourcesOfMyOrganizations(), cancellationToken);
        try
        {
            Bookings = await sender.Send(
                new ListIncomingBookings(StatusFilter, ResourceId, Date, Math.Max(1, PageNumber), PageSize), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, ValidationErrors.Inputs(("Status", "Status"), ("ResourceId", "ResourceId"), ("Date", "Date")));
        }
    }

    /// <summary>The current filters with another page number, for the paging links and the redirect after a move.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["status"] = StatusValue };
        if (ResourceId is { } resourceId)
            values["resourceId"] = resourceId.ToString();
        if (Date is { } date)
            values["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values["pageNumber"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
