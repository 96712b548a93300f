namespace SharingPlatform.Web.Pages.Admin.Users;

/// <summary>
/// One person's standing; an administrator suspends (with a reason), restores, or lifts a booking pause. Administrators
/// only (the /Admin folder convention).
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
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

    private Task<IActionResult> DecideAsync(ICommand command, string reasonId, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage(new { id = Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), ValidationErrors.Inputs(("Reason", reasonId)), cancellationToken);

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
