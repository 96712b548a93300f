namespace SharingPlatform.Web.Pages.Labs;

/// <summary>Residents find published labs by text and municipality; whoever runs labs sees theirs first, with the console's link.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(ISender sender, PublicAnswers answers, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<LabSummary>? Results { get; private set; }

    public IReadOnlyList<LabSummary> MyLabs { get; private set; } = [];

    public int PageCount => Results is null ? 0 : (Results.TotalCount + Results.PageSize - 1) / Results.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
            MyLabs = (await sender.Send(new ListMyLabs(1, 50), cancellationToken)).Items;
        try
        {
            Results = await answers.GetAsync(
                new SearchLabs(string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), string.IsNullOrEmpty(Municipality) ? null : Municipality, Math.Max(1, PageNumber), PageSize),
                cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, ValidationErrors.Inputs(("Q", "Q"), ("Municipality", "Municipality")));
        }
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Q))
            values["q"] = Q;
        if (!string.IsNullOrEmpty(Municipality))
            values["municipality"] = Municipality;
        values["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
