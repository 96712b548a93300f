namespace SharingPlatform.Web.Pages.Loans;

/// <summary>
/// The lending desk of the caller's organizations: requests waiting for approval, today's pick-ups and returns (Seoul),
/// and overdue loans, optionally of one lent resource, whose units out of service are a link away. Each loan opens its page,
/// where the desk approves, hands over and takes back.
/// </summary>
[Authorize]
public sealed class DeskModel(ISender sender, TimeProvider clock) : PageModel
{
    private const int ListSize = 100;

    [BindProperty(SupportsGet = true)]
    public Guid? ResourceId { get; set; }

    public bool HasOrganizations { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<MyOrganizationsResource> Resources { get; private set; } = [];

    public IReadOnlyList<LoanListItem> Waiting { get; private set; } = [];

    public IReadOnlyList<LoanListItem> PickUps { get; private set; } = [];

    public IReadOnlyList<LoanListItem> Returns { get; private set; } = [];

    public IReadOnlyList<LoanListItem> Overdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = SeoulTime.DateOf(clock.GetUtcNow());
        ModelState.Remove(nameof(ResourceId));
        var organizations = await sender.Send(new ListMyOrganizations(), cancellationToken);
        HasOrganizations = organizations.Count > 0;
        if (!HasOrganizations)
            return;

        Resources = await sender.Send(new ListResourcesOfMyOrganizations(LentOnly: true), cancellationToken);

        Waiting = await ListAsync(new ListIncomingLoans(LoanStatus.Requested, ResourceId, PageSize: ListSize), cancellationToken);
        var today = await ListAsync(new ListIncomingLoans(null, ResourceId, Today, PageSize: ListSize), cancellationToken);
        PickUps = today.Where(l => l.PickupOn == Today && l.Status is LoanStatus.Confirmed or LoanStatus.Requested).ToList();
        Returns = today.Where(l => l.ReturnOn == Today && l.Status is LoanStatus.Out).ToList();
        Overdue = await ListAsync(new ListIncomingLoans(LoanStatus.Overdue, ResourceId, PageSize: ListSize), cancellationToken);
    }

    private async Task<IReadOnlyList<LoanListItem>> ListAsync(ListIncomingLoans query, CancellationToken cancellationToken) =>
        (await sender.Send(query, cancellationToken)).Items;
}
