using System.Text;

namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>
/// One booking with its history, for its booker, the owning organization and administrators (404 for anyone else), and
/// the moves that apply now: change its time (the booker), cancel (and the rest of a series), approve, reject, check in.
/// </summary>
[Authorize]
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Why the booker or the owner cancels (optional).</summary>
    [BindProperty]
    public string? CancelReason { get; set; }

    /// <summary>Why the owner turns the request down (required).</summary>
    [BindProperty]
    public string? RejectReason { get; set; }

    /// <summary>The new time the booker asks for, in Seoul.</summary>
    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public BookingDetails Details { get; private set; } = null!;

    public BookingView Booking => Details.Booking;

    public DateTimeOffset Now { get; private set; }

    public bool CanMove => Details.YouBooked && BookingText.IsHolding(Booking.Status) && Now < Booking.StartsAt;

    public bool CanCancel => (Details.YouBooked || Details.YouShare) && BookingText.IsHolding(Booking.Status) && Now < Booking.StartsAt;

    /// <summary>The booker of a completed booking may review it (within 30 days of its end; the use case decides).</summary>
    public bool CanReview => Details.YouBooked && Booking.Status == BookingStatus.Completed;

    public bool CanDecide => Details.YouShare && Booking.Status == BookingStatus.Pending;

    public bool CanCheckIn => Details.YouShare && Booking.Status == BookingStatus.Confirmed
        && Now >= Booking.StartsAt - SharingPlatform.Domain.Bookings.Booking.CheckInWindow && Now < Booking.EndsAt;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The booking as an .ics file to add to a calendar program.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken cancellationToken)
    {
        try
        {
            var entry = await sender.Send(new GetBookingEvent(Id), cancellationToken);
            return File(Encoding.UTF8.GetBytes(ICalendarFile.Write([entry])), ICalendarFile.ContentType, $"booking-{Id}.ics");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>What the booker does next, while the booking is ahead: it waits for the organization or is confirmed.</summary>
    public bool ShowsNextSteps => Details.YouBooked && BookingText.IsHolding(Booking.Status) && Now < Booking.StartsAt;

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            if (Move.Date is not { } date)
                ModelState.AddModelError("Move.Date", localizer["Error_Search_Date_Missing"]);
            else if (Move.From is not { } from || Move.To is not { } to)
                ModelState.AddModelError(Move.From is null ? "Move.From" : "Move.To", localizer["Error_Search_Time_Missing"]);
            else
            {
                // 00:00 as the end is the midnight that ends the day.
                var startsAt = SeoulTime.At(date, from);
                var endsAt = SeoulTime.At(to == TimeOnly.MinValue ? date.AddDays(1) : date, to);
                if (endsAt <= startsAt)
                    ModelState.AddModelError("Move.To", localizer["Error_Search_To_BeforeFrom"]);
                else
                    return await ActAsync(new MoveBooking(Id, startsAt, endsAt), "BookingMovedMessage", cancellationToken, ("StartsAt", "Move.From"), ("EndsAt", "Move.To"));
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        ActAsync(new CancelBooking(Id, Blank(CancelReason)), "BookingCancelledMessage", cancellationToken, ("Reason", "CancelReason"));

    public Task<IActionResult> OnPostCancelSeriesAsync(CancellationToken cancellationToken) =>
        ActAsync(new CancelRestOfSeries(Id, Blank(CancelReason)), "SeriesCancelledMessage", cancellationToken, ("Reason", "CancelReason"));

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        ActAsync(new ApproveBooking(Id), "BookingApprovedMessage", cancellationToken);

    public Task<IActionResult> OnPostApproveSeriesAsync(CancellationToken cancellationToken) =>
        ActAsync(new ApproveRestOfSeries(Id), "SeriesApprovedMessage", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        ActAsync(new RejectBooking(Id, Blank(RejectReason)), "BookingRejectedMessage", cancellationToken, ("Reason", "RejectReason"));

    public Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken) =>
        ActAsync(new CheckInBooking(Id), "BookingCheckedInMessage", cancellationToken);

    private static string? Blank(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private Task<IActionResult> ActAsync<TResponse>(
        ICommand<TResponse> command, string done, CancellationToken cancellationToken, params (string Property, string Input)[] inputs) =>
        this.SendAsync(sender, command, localizer, _ => this.RedirectWithDone(new { id = Id }, done), () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(inputs), cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        try
        {
            Details = await sender.Send(new GetBooking(Id), cancellationToken);
            if (Move.Date is null && Move.From is null && Move.To is null)
            {
                Move = new MoveInput
                {
                    Date = SeoulTime.DateOf(Booking.StartsAt),
                    From = TimeOnly.FromDateTime(SeoulTime.ToSeoul(Booking.StartsAt)),
                    To = TimeOnly.FromDateTime(SeoulTime.ToSeoul(Booking.EndsAt)),
                };
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class MoveInput
    {
        public DateOnly? Date { get; set; }

        public TimeOnly? From { get; set; }

        public TimeOnly? To { get; set; }
    }
}
