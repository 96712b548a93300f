namespace SharingPlatform.Web.Pages.Organizations;

/// <summary>"My organizations": the organizations the signed-in person belongs to, with their role and state.</summary>
[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<MyOrganizationView> Organizations { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await sender.Send(new ListMyOrganizations(), cancellationToken);
}
