namespace SharingPlatform.Web.Pages.Circles;

/// <summary>A signed-in resident founds a study circle, published at once, and hosts it.</summary>
[Authorize]
public sealed class NewModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty]
    public CircleForm Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Check(ModelState, localizer);

        if (!ModelState.IsValid)
            return Page();
        return await this.SendAsync(sender, new CreateCircle(Input.ToInput()), localizer, circle =>
        {
            Done = "CircleCreatedMessage";
            return RedirectToPage("/Circles/Details", new { id = circle.Id });
        }, () => Task.FromResult<IActionResult>(Page()), CircleForm.Inputs, cancellationToken);
    }
}
