using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Web.Pages.Proposals;

/// <summary>Residents' proposals of what should be shared, most supported or newest first, by municipality, category and status.</summary>
public sealed class IndexModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Sort", "Sort"), ("Municipality", "Municipality"), ("Category", "Category"), ("Status", "Status"));

    [BindProperty(SupportsGet = true)]
    public ProposalSort Sort { get; set; } = ProposalSort.Support;

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    public ResourceCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProposalStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<ProposalView>? Results { get; private set; }

    public int PageCount => Results is null ? 0 : (Results.TotalCount + Results.PageSize - 1) / Results.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return;
        try
        {
            Results = await sender.Send(
                new ListProposals(Sort, string.IsNullOrEmpty(Municipality) ? null : Municipality, Category, Status, Math.Max(1, PageNumber), PageSize),
                cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
        }
    }

    /// <summary>The current sort and filters with another page number, for the paging links.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["sort"] = Sort.ToString() };
        if (!string.IsNullOrEmpty(Municipality))
            values["municipality"] = Municipality;
        if (Category is { } category)
            values["category"] = category.ToString();
        if (Status is { } status)
            values["status"] = status.ToString();
        values["pageNumber"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
