namespace SharingPlatform.Web.Pages.Circles;

/// <summary>Residents find study circles by text, topic and municipality, and see the next meetings across circles.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(ISender sender, PublicAnswers answers, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Q", "Q"), ("Topic", "Topic"), ("Municipality", "Municipality"));

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<CircleSummary>? Results { get; private set; }

    public PagedList<MeetingSummary> Meetings { get; private set; } = new([], 1, 10, 0);

    public int PageCount => Results is null ? 0 : (Results.TotalCount + Results.PageSize - 1) / Results.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var municipality = string.IsNullOrEmpty(Municipality) ? null : Municipality;
        try
        {
            Results = await answers.GetAsync(
                new SearchCircles(Blank(Q), Blank(Topic), municipality, Math.Max(1, PageNumber), PageSize), cancellationToken);
            Meetings = await sender.Send(new ListMeetings(false, municipality, 1, 10), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The current filters with another page number, for the paging links.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Q))
            values["q"] = Q;
        if (!string.IsNullOrEmpty(Topic))
            values["topic"] = Topic;
        if (!string.IsNullOrEmpty(Municipality))
            values["municipality"] = Municipality;
        values["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
