namespace SharingPlatform.Web.Pages.Reviews;

/// <summary>A review's own address (in notices and reports): goes to the review on its listing's reviews page.</summary>
public sealed class ShowModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var place = await sender.Send(new FindReview(id), cancellationToken);
            return Redirect($"/Reviews/{place.ListingType}/{place.ListingId}#review-{place.Id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
