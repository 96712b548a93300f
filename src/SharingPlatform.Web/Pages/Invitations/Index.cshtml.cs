namespace SharingPlatform.Web.Pages.Invitations;

/// <summary>"My invitations": organizations that invited the signed-in person; accepting makes them a member.</summary>
[Authorize]
public sealed class IndexModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    public IReadOnlyList<MyInvitationView> Invitations { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Invitations = await sender.Send(new ListMyInvitations(), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid invitationId, CancellationToken cancellationToken) =>
        this.SendAsync(sender, new AcceptInvitation(invitationId), localizer,
            organizationId => RedirectToPage("/Organizations/Details", new { id = organizationId }),
            () => ReloadAsync(cancellationToken), new Dictionary<string, string>(), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid invitationId, CancellationToken cancellationToken) =>
        this.SendAsync(sender, new DeclineInvitation(invitationId), localizer, _ =>
        {
            Done = "InvitationDeclined";
            return RedirectToPage();
        }, () => ReloadAsync(cancellationToken), new Dictionary<string, string>(), cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
