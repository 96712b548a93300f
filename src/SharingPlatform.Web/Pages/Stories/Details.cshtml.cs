using SharingPlatform.Application.Stories;

namespace SharingPlatform.Web.Pages.Stories;

/// <summary>
/// One story: its cover, its body as safe HTML and the places it links to. Those who may edit it see its status and an
/// edit link; an administrator approves or rejects it while it waits for review, and suspends or restores it.
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Reason", "Reason"));

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Why an administrator rejects or suspends the story.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public StoryView Story { get; private set; } = null!;

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [TempData]
    public string? Done { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync(new ApproveStory(Id, Reason), "StoryApprovedDone", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        DecideAsync(new RejectStory(Id, Reason), "StoryRejectedDone", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        DecideAsync(new SuspendStory(Id, Reason), "StorySuspendedDone", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        DecideAsync(new RestoreStory(Id, Reason), "StoryRestoredDone", cancellationToken);

    private Task<IActionResult> DecideAsync(ICommand command, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage(new { id = Id });
        }, () => ReloadAsync(cancellationToken), Inputs, cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Story = await sender.Send(new GetStory(Id), cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
