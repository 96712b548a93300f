using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Common;
using SharingPlatform.Web.Pages.Resources;

namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>
/// One booking with its history, for its booker, the owning organization and administrators (404 for anyone else), and
/// the moves that apply now: cancel (and the rest of a series), approve, reject, check in.
/// </summary>
[Authorize]
public sealed class DetailsModel(ISender sender, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Why the booker or the owner cancels (optional).</summary>
    [BindProperty]
    public string? CancelReason { get; set; }

    /// <summary>Why the owner turns the request down (required).</summary>
    [BindProperty]
    public string? RejectReason { get; set; }

    public BookingDetails Details { get; private set; } = null!;

    public BookingView Booking => Details.Booking;

    public DateTimeOffset Now { get; private set; }

    public bool CanCancel => (Details.YouBooked || Details.YouShare) && BookingText.IsHolding(Booking.Status) && Now < Booking.StartsAt;

    public bool CanDecide => Details.YouShare && Booking.Status == BookingStatus.Pending;

    public bool CanCheckIn => Details.YouShare && Booking.Status == BookingStatus.Confirmed
        && Now >= Booking.StartsAt - SharingPlatform.Domain.Bookings.Booking.CheckInWindow && Now < Booking.EndsAt;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        ActAsync(new CancelBooking(Id, Blank(CancelReason)), "BookingCancelledMessage", "CancelReason", cancellationToken);

    public Task<IActionResult> OnPostCancelSeriesAsync(CancellationToken cancellationToken) =>
        ActAsync(new CancelRestOfSeries(Id, Blank(CancelReason)), "SeriesCancelledMessage", "CancelReason", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        ActAsync(new ApproveBooking(Id), "BookingApprovedMessage", "", cancellationToken);

    public Task<IActionResult> OnPostApproveSeriesAsync(CancellationToken cancellationToken) =>
        ActAsync(new ApproveRestOfSeries(Id), "SeriesApprovedMessage", "", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        ActAsync(new RejectBooking(Id, Blank(RejectReason)), "BookingRejectedMessage", "RejectReason", cancellationToken);

    public Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken) =>
        ActAsync(new CheckInBooking(Id), "BookingCheckedInMessage", "", cancellationToken);

    private static string? Blank(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private async Task<IActionResult> ActAsync<TResponse>(ICommand<TResponse> command, string done, string reasonInput, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(command, cancellationToken);
            Done = done;
            return RedirectToPage(new { id = Id });
        }
        catch (NotSignedInException)
        {
            return Challenge();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, ValidationErrors.Inputs(("Reason", reasonInput)));
        }
        catch (DomainRuleException rule)
        {
            // IllegalTransitionException too: someone else moved the booking first, say.
            ModelState.AddRule(localizer, rule);
        }
        catch (ForbiddenException forbidden)
        {
            ModelState.AddModelError("", forbidden.Message);
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", localizer.Describe(conflict));
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        try
        {
            Details = await sender.Send(new GetBooking(Id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
