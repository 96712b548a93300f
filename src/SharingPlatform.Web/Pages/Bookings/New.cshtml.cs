namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>
/// Book a resource from a chosen start (<c>?resourceId=&amp;start=</c>, an ISO instant): the ends the policy and the
/// other bookings allow, attendees, purpose, and an optional weekly repeat. Sign-in required.
/// </summary>
[Authorize]
public sealed class NewModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    public const int MaxOccurrences = CreateBookingSeriesValidator.MaxOccurrences;

    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("EndsAt", "Input.EndsAt"),
        ("Attendees", "Input.Attendees"),
        ("Purpose", "Input.Purpose"),
        ("Occurrences", "Input.Occurrences"),
        ("Mode", "Input.Mode"));

    private static readonly Dictionary<string, string> CodeInputs = new() { ["over_capacity"] = "Input.Attendees" };

    [BindProperty(SupportsGet = true)]
    public Guid ResourceId { get; set; }

    /// <summary>The chosen start, as the calendar's link carries it (ISO 8601, UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Start { get; set; }

    [BindProperty]
    public BookingInput Input { get; set; } = new();

    public ResourceView Resource { get; private set; } = null!;

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>The ends a booking from <see cref="StartsAt"/> may have now; empty when that start cannot be booked.</summary>
    public IReadOnlyList<DateTimeOffset> Ends { get; private set; } = [];

    /// <summary>Whether the policy and the other bookings allow some end from <see cref="StartsAt"/> now.</summary>
    public bool StartAvailable { get; private set; }

    /// <summary>When the person's booking is paused for no-shows, until when.</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input.EndsAt ??= Ends.Count > 0 ? BookingText.Iso(Ends[0]) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();

        var chosenEnd = BookingText.ParseIso(Input.EndsAt);
        if (chosenEnd is null)
            ModelState.AddModelError("Input.EndsAt", localizer["Error_Input.EndsAt_Invalid"]);
        if (!ModelState.IsValid || chosenEnd is not { } endsAt)
            return Page();

        var attendees = Input.Attendees ?? 1;
        var purpose = string.IsNullOrWhiteSpace(Input.Purpose) ? null : Input.Purpose.Trim();
        var occurrences = Input.Occurrences ?? 1;
        if (occurrences <= 1)
        {
            return await this.SendAsync(sender, new CreateBooking(ResourceId, StartsAt, endsAt, attendees, purpose), localizer,
                booking =>
                {
                    TempData["Done"] = booking.Status == BookingStatus.Confirmed ? "BookingConfirmedMessage" : "BookingRequestedMessage";
                    return RedirectToPage("/Bookings/Details", new { id = booking.Id });
                },
                () => RefusedAsync(cancellationToken), Inputs, cancellationToken, codeInputs: CodeInputs);
        }

        return await this.SendAsync(sender, new CreateBookingSeries(ResourceId, StartsAt, endsAt, occurrences, attendees, purpose, Input.Mode), localizer,
            series =>
            {
                TempData["Message"] = SeriesMessage(series);
                return RedirectToPage("/Bookings/Mine");
            },
            () => RefusedAsync(cancellationToken), Inputs, cancellationToken, codeInputs: CodeInputs);
    }

    /// <summary>Someone may have taken time meanwhile: offer the ends as they are now.</summary>
    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await LoadEndsAsync(cancellationToken);
        return Page();
    }

    private string SeriesMessage(BookingSeriesResult series)
    {
        var message = localizer["SeriesBooked", series.Bookings.Count].Value;
        if (series.Skipped.Count == 0)
            return message;
        var skipped = series.Skipped.Select(s => $"{BookingText.Date(s.Date)} ({localizer.Describe(s.Code, s.Arguments, s.Message)})");
        return $"{message} {localizer["SeriesSkipped", string.Join("; ", skipped)]}";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (BookingText.ParseIso(Start) is not { } start)
            return false;
        StartsAt = start;
        try
        {
            Resource = await sender.Send(new GetResource(ResourceId), cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        var account = await sender.Send(new GetMyAccount(), cancellationToken);
        PausedUntil = account.BookingPausedUntil;
        await LoadEndsAsync(cancellationToken);
        return true;
    }

    private async Task LoadEndsAsync(CancellationToken cancellationToken)
    {
        var policy = Resource.Policy;
        try
        {
            Ends = await sender.Send(new GetBookingEndTimes(ResourceId, StartsAt), cancellationToken);
        }
        catch (NotFoundException)
        {
            // Not open for booking: nothing to offer.
            Ends = [];
        }

        StartAvailable = Ends.Count > 0;
        // A refused request keeps its form and what was typed: offer the policy's durations, and the server says why.
        if (!StartAvailable && HttpMethods.IsPost(Request.Method))
            Ends = Enumerable.Range(0, (policy.MaxMinutes - policy.MinMinutes) / policy.SlotMinutes + 1)
                .Select(i => StartsAt.AddMinutes(policy.MinMinutes + i * policy.SlotMinutes))
                .ToList();
    }

    public sealed class BookingInput
    {
        /// <summary>The chosen end, ISO 8601 in UTC, one of <see cref="Ends"/>.</summary>
        public string? EndsAt { get; set; }

        public int? Attendees { get; set; } = 1;

        public string? Purpose { get; set; }

        /// <summary>1: just this one; 2 to 12: the same hours every week.</summary>
        public int? Occurrences { get; set; } = 1;

        public SeriesMode Mode { get; set; } = SeriesMode.AllOrNothing;
    }
}
