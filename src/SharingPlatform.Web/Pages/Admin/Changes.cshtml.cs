using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Web.Pages.Admin;

/// <summary>
/// One change to a published resource or lab: what it changes, field by field (now public → proposed), and the
/// administrator's decision. Administrators only (the /Admin folder convention).
/// </summary>
public sealed class ChangesModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    public const string ReasonId = "change-reason";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ChangeRequestView Change { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(string? decision, string? reason, CancellationToken cancellationToken)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ICommand command = decision == "reject" ? new RejectChangeRequest(Id, trimmed) : new ApproveChangeRequest(Id, trimmed);
        var done = decision == "reject" ? "ChangeRequestRejectedDone" : "ChangeRequestApprovedDone";
        return this.SendAsync(sender, command, localizer, _ => this.RedirectWithDone(new { id = Id }, done), async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), ValidationErrors.Inputs(("Reason", ReasonId)), cancellationToken);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Change = await sender.Send(new GetChangeRequest(Id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
