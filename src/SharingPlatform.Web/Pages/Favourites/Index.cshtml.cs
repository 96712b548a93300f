using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Web.Pages.Favourites;

/// <summary>
/// "My favourites": the resources, labs and circles the person keeps and the public may still see, newest first. The
/// detail pages' save and remove forms post here and go back to the page they came from.
/// </summary>
[Authorize]
public sealed class IndexModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private const int PageSize = 20;

    private static readonly Dictionary<string, string> NoInputs = ValidationErrors.Inputs();

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public FavouriteSubject Type { get; set; }

    [BindProperty]
    public Guid Id { get; set; }

    /// <summary>The page the form was on; this list when none (or not one of ours).</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Done { get; set; }

    public PagedList<FavouriteView> Favourites { get; private set; } = null!;

    public int PageCount => (Favourites.TotalCount + Favourites.PageSize - 1) / Favourites.PageSize;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.SendAsync(sender, new SaveFavourite(Type, Id), localizer, _ => Back("FavouriteSavedMessage"), () => ReloadAsync(cancellationToken), NoInputs, cancellationToken)
            : Task.FromResult<IActionResult>(BadRequest());

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.SendAsync(sender, new RemoveFavourite(Type, Id), localizer, _ => Back("FavouriteRemovedMessage"), () => ReloadAsync(cancellationToken), NoInputs,
                cancellationToken, gone: localizer["FavouriteNotSaved"])
            : Task.FromResult<IActionResult>(BadRequest());

    private IActionResult Back(string done)
    {
        Done = done;
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        Favourites = await sender.Send(new ListMyFavourites(Math.Max(1, PageNumber), PageSize), cancellationToken);
        return Page();
    }
}
