using SharingPlatform.Application.Stories;

namespace SharingPlatform.Web.Pages.Stories;

/// <summary>The stories the person may edit (their organizations', or every story for an administrator), whatever their status.</summary>
[Authorize]
public sealed class MineModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<StoryCard> Results { get; private set; } = null!;

    public int PageCount => (Results.TotalCount + Results.PageSize - 1) / Results.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await sender.Send(new ListStories(Mine: true, Page: Math.Clamp(PageNumber, 1, Paging.MaxPage), PageSize: 50), cancellationToken);
}
