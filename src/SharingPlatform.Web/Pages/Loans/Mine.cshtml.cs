namespace SharingPlatform.Web.Pages.Loans;

/// <summary>"My loans": the caller's loans by pick-up day, with their days, units, status and deposit.</summary>
[Authorize]
public sealed class MineModel(ISender sender) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<LoanListItem> Loans { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, int> Deposits { get; private set; } = new Dictionary<Guid, int>();

    public int PageCount => (Loans.TotalCount + Loans.PageSize - 1) / Loans.PageSize;

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Loans = await sender.Send(new ListMyLoans(Math.Max(1, PageNumber), PageSize), cancellationToken);
        Deposits = await sender.Send(new ListMyLoanDeposits(Loans.Items.Select(l => l.Id).ToList()), cancellationToken);
    }
}
