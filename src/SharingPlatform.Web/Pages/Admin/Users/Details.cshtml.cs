using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SharingPlatform.Application.Administration;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Common;
using SharingPlatform.Web.Pages.Resources;

namespace SharingPlatform.Web.Pages.Admin.Users;

/// <summary>
/// One person's standing; an administrator suspends (with a reason), restores, or lifts a booking pause. Administrators
/// only (the /Admin folder convention).
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string SuspendReasonId = "suspend-reason";
    public const string RestoreReasonId = "restore-reason";
    public const string LiftReasonId = "lift-reason";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public UserStanding Standing { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSuspendAsync(string? reason, CancellationToken cancellationToken) =>
        DecideAsync(new SuspendUser(Id, Trimmed(reason)), SuspendReasonId, "UserSuspendedDone", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(string? reason, CancellationToken cancellationToken) =>
        DecideAsync(new RestoreUser(Id, Trimmed(reason)), RestoreReasonId, "UserRestoredDone", cancellationToken);

    public Task<IActionResult> OnPostLiftAsync(string? reason, CancellationToken cancellationToken) =>
        DecideAsync(new LiftBookingPause(Id, Trimmed(reason)), LiftReasonId, "BookingPauseLifted", cancellationToken);

    private async Task<IActionResult> DecideAsync<TCommand>(TCommand command, string reasonId, string done, CancellationToken cancellationToken)
        where TCommand : ICommand
    {
        try
        {
            await sender.Send(command, cancellationToken);
            Done = done;
            return RedirectToPage(new { id = Id });
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, ValidationErrors.Inputs(("Reason", reasonId)));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddRule(localizer, rule);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Standing = await sender.Send(new GetUserStanding(Id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static string? Trimmed(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
