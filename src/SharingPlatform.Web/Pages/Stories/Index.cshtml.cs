using SharingPlatform.Application.Stories;

namespace SharingPlatform.Web.Pages.Stories;

/// <summary>The published stories, newest first, in pages; signed-in people who may write are offered the form and their own stories.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    private const int PageSize = 12;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<StoryCard> Results { get; private set; } = null!;

    public int PageCount => (Results.TotalCount + Results.PageSize - 1) / Results.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await sender.Send(new ListStories(Page: Math.Clamp(PageNumber, 1, Paging.MaxPage), PageSize: PageSize), cancellationToken);
}
