using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Web.Pages.Reviews;

/// <summary>
/// A listing's reviews (<c>/Reviews/{listing}/{id}</c>: resource, lab or circle), newest first, with its stars; the
/// listing's side replies to each once from here.
/// </summary>
public sealed class IndexModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    private static readonly Dictionary<string, string> ReplyInputs = ValidationErrors.Inputs(("Text", "Reply"));

    [BindProperty(SupportsGet = true)]
    public ReviewedListing Listing { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public Guid ReviewId { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [TempData]
    public string? Done { get; set; }

    public ListingReviews Reviews { get; private set; } = null!;

    public int PageCount => (Reviews.Reviews.TotalCount + PageSize - 1) / PageSize;

    public string ListingPage => Listing switch
    {
        ReviewedListing.Resource => $"/Resources/Details/{Id}",
        ReviewedListing.Lab => $"/Labs/Details/{Id}",
        _ => $"/Circles/Details/{Id}",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken) =>
        this.SendAsync(sender, new ReplyToReview(ReviewId, Reply ?? ""), localizer, _ =>
        {
            Done = "ReviewReplied";
            return RedirectToPage(new { listing = Listing, id = Id, pageNumber = PageNumber });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), ReplyInputs, cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Listing))
            return false;
        try
        {
            Reviews = await sender.Send(new ListReviews(Listing, Id, Math.Max(1, PageNumber), PageSize), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
