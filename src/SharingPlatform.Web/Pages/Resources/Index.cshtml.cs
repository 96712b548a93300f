namespace SharingPlatform.Web.Pages.Resources;

/// <summary>Residents find published resources: text, category, municipality, capacity, free of charge, open during a Seoul period.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(PublicAnswers answers, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Q", "Q"),
        ("Category", "Category"),
        ("Municipality", "Municipality"),
        ("MinCapacity", "MinCapacity"),
        ("AvailableFrom", "Date"),
        ("AvailableTo", "To"),
        ("Sort", "Sort"));

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ResourceCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinCapacity { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool FreeOnly { get; set; }

    /// <summary>"Open during": a Seoul date and a start and end time on it.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public TimeOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public TimeOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public ResourceSort Sort { get; set; } = ResourceSort.Relevance;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<ResourceSummary>? Results { get; private set; }

    /// <summary>The pages counted, and while the count stopped at its cap and this page is full, the next one too.</summary>
    public int PageCount => Results is null ? 0 : Results.TotalCountCapped && Results.Items.Count == Results.PageSize
        ? Math.Max((Results.TotalCount + Results.PageSize - 1) / Results.PageSize, Results.Page + 1)
        : (Results.TotalCount + Results.PageSize - 1) / Results.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? from = null, to = null;
        if (Date is { } date || From is not null || To is not null)
        {
            if (Date is null)
                ModelState.AddModelError("Date", localizer["Error_Search_Date_Missing"]);
            else if (From is null || To is null)
                ModelState.AddModelError(From is null ? "From" : "To", localizer["Error_Search_Time_Missing"]);
            else if (To <= From)
                ModelState.AddModelError("To", localizer["Error_Search_To_BeforeFrom"]);
            else
            {
                from = new DateTimeOffset(Date.Value.ToDateTime(From.Value), CatalogText.SeoulOffset);
                to = new DateTimeOffset(Date.Value.ToDateTime(To.Value), CatalogText.SeoulOffset);
            }
        }

        if (!ModelState.IsValid)
            return;

        try
        {
            Results = await answers.GetAsync(
                new SearchResources(
                    string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), Category, string.IsNullOrEmpty(Municipality) ? null : Municipality,
                    MinCapacity, FreeOnly ? true : null, from, to, Sort, Math.Max(1, PageNumber), PageSize),
                cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
        }
    }

    /// <summary>The current filters with another page number, for the paging links.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                values[key] = value;
        }

        Add("q", Q);
        Add("category", Category?.ToString());
        Add("municipality", Municipality);
        Add("minCapacity", MinCapacity?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("freeOnly", FreeOnly ? "true" : null);
        Add("date", Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("from", From?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", Sort == ResourceSort.Relevance ? null : Sort.ToString());
        values["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
