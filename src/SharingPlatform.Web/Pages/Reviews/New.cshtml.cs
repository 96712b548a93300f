using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Web.Pages.Reviews;

/// <summary>
/// Writing a review of one's booking, lab session, meeting or loan (<c>?subjectType=&amp;subjectId=</c>): 1 to 5 stars
/// and a short text; then the listing's reviews.
/// </summary>
[Authorize]
public sealed class NewModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Rating", "Rating"), ("Text", "Text"));

    [BindProperty(SupportsGet = true)]
    public ReviewSubject SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid SubjectId { get; set; }

    [BindProperty]
    public int Rating { get; set; } = 5;

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IActionResult OnGet() => Enum.IsDefined(SubjectType) && SubjectId != Guid.Empty ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        this.SendAsync(sender, new WriteReview(SubjectType, SubjectId, Rating, Text), localizer, review =>
        {
            Done = "ReviewWritten";
            return RedirectToPage("/Reviews/Index", new { listing = review.ListingType, id = review.ListingId });
        }, () => Task.FromResult<IActionResult>(Page()), Inputs, cancellationToken);
}
