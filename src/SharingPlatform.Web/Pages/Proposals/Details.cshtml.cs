using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Web.Pages.Proposals;

/// <summary>
/// One proposal: what is proposed, its support and status. Signed-in people support it or take their support back; a
/// member of an organization takes it up with one of the organization's published listings; an administrator accepts or
/// declines it with a reason.
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Reason", "Reason"), ("ResourceId", "ResourceId"));

    private static readonly Dictionary<string, string> CodeInputs = new() { ["reason_required"] = "Reason", ["resource_not_yours"] = "ResourceId" };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Why an administrator accepts or declines the proposal.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The listing a member takes the proposal up with.</summary>
    [BindProperty]
    public Guid? ResourceId { get; set; }

    public ProposalView Proposal { get; private set; } = null!;

    /// <summary>The title of the listing the proposal was taken up with, while the public may see it.</summary>
    public string? LinkedResourceTitle { get; private set; }

    /// <summary>The published listings of the person's organizations; empty for someone in none.</summary>
    public IReadOnlyList<TakeUpListing> Listings { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public bool IsOpen => Proposal.Status == ProposalStatus.Open;

    [TempData]
    public string? Done { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellationToken) =>
        SendAsync(new SupportProposal(Id), "ProposalSupportedMessage", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        SendAsync(new WithdrawSupport(Id), "ProposalSupportWithdrawnMessage", cancellationToken);

    public async Task<IActionResult> OnPostTakeUpAsync(CancellationToken cancellationToken)
    {
        if (ResourceId is null)
        {
            ModelState.AddModelError("ResourceId", localizer["Error_ProposalResource_Missing"]);
            return await ReloadAsync(cancellationToken);
        }

        return await SendAsync(new TakeUpProposal(Id, ResourceId.Value), "ProposalTakenUpMessage", cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        SendAsync(new SettleProposal(Id, true, Reason), "ProposalAcceptedMessage", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        SendAsync(new SettleProposal(Id, false, Reason), "ProposalDeclinedMessage", cancellationToken);

    private Task<IActionResult> SendAsync(ICommand<ProposalView> command, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ =>
        {
            Done = done;
            return RedirectToPage(new { id = Id });
        }, () => ReloadAsync(cancellationToken), Inputs, cancellationToken, codeInputs: CodeInputs);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Proposal = await sender.Send(new GetProposal(Id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (Proposal.ResourceId is { } resourceId)
        {
            try
            {
                LinkedResourceTitle = (await sender.Send(new GetResource(resourceId), cancellationToken)).Title;
            }
            catch (NotFoundException)
            {
                LinkedResourceTitle = null;
            }
        }

        if (SignedIn && IsOpen)
            Listings = await sender.Send(new ListTakeUpListings(), cancellationToken);
        return Page();
    }
}
