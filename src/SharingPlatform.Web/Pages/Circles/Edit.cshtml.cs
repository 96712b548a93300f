namespace SharingPlatform.Web.Pages.Circles;

/// <summary>A host edits the circle (404 to those who may not see it, 403 to members).</summary>
[Authorize]
public sealed class EditModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public CircleForm Input { get; set; } = new();

    public string CircleTitle { get; private set; } = "";

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var circle = await LoadAsync(cancellationToken);
        if (circle is null)
            return NotFound();
        if (!circle.IsHost)
            return circle.MyMembership?.Status == Domain.Circles.MemberStatus.Active ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        Input = CircleForm.Of(circle);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Check(ModelState, localizer);

        if (!ModelState.IsValid)
            return await LoadAsync(cancellationToken) is null ? NotFound() : Page();
        return await this.SendAsync(sender, new UpdateCircle(Id, Input.ToInput()), localizer, _ =>
        {
            Done = "CircleUpdatedMessage";
            return RedirectToPage("/Circles/Details", new { id = Id });
        }, async () => await LoadAsync(cancellationToken) is null ? NotFound() : Page(), CircleForm.Inputs, cancellationToken);
    }

    private async Task<CircleDetailsView?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var circle = await sender.Send(new GetCircle(Id), cancellationToken);
            CircleTitle = circle.Title;
            return circle;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
