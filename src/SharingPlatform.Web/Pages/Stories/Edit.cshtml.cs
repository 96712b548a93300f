using SharingPlatform.Application.Stories;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Web.Pages.Stories;

/// <summary>
/// Writes a new story or edits one: an administrator writes in the province's name or for an organization, a member of a
/// verified organization for it. An organization's story goes to the administrators' review when saved. Once saved, the
/// story takes a cover photo.
/// </summary>
[Authorize]
public sealed class EditModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Title", "Input.Title"), ("OrganizationId", "Input.OrganizationId"), ("BodyMarkdown", "Input.BodyMarkdown"), ("Links", "Input.Links"),
        ("Length", "Cover"), ("File", "Cover"));

    private static readonly Dictionary<string, string> CodeInputs = new()
    {
        ["story_needs_organization"] = "Input.OrganizationId",
        ["organization_not_verified"] = "Input.OrganizationId",
        ["story_link_not_public"] = "Input.Links",
        ["story_too_many_links"] = "Input.Links",
        ["story_title_length"] = "Input.Title",
        ["story_body_length"] = "Input.BodyMarkdown",
    };

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public StoryForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Cover { get; set; }

    /// <summary>The story being edited; null while writing a new one.</summary>
    public StoryView? Story { get; private set; }

    /// <summary>The verified organizations the person may write for.</summary>
    public IReadOnlyList<MyOrganizationView> Organizations { get; private set; } = [];

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    /// <summary>Someone in no verified organization who is not an administrator has nothing to write for.</summary>
    public bool MayWrite => IsAdministrator || Organizations.Count > 0 || Story is not null;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (Story is { } story)
            Input = new StoryForm
            {
                Title = story.Title,
                BodyMarkdown = story.BodyMarkdown,
                OrganizationId = story.OrganizationId,
                Links = string.Join('\n', story.Links.Select(l => StoryLinks.PathOf(l.Type, l.Id))),
            };
        else if (!IsAdministrator && Organizations.Count > 0)
            Input.OrganizationId = Organizations[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var links = StoryLinks.Parse(Input.Links, out var unknown);
        if (unknown.Count > 0)
            ModelState.AddModelError("Input.Links", localizer["Error_StoryLinks_Unknown", unknown[0]]);
        if (!ModelState.IsValid)
            return await ReloadAsync(cancellationToken);

        ICommand<StoryView> command = Id is { } id
            ? new EditStory(id, Input.Title ?? "", Input.BodyMarkdown ?? "", links)
            : new WriteStory(Input.Title ?? "", Input.BodyMarkdown ?? "", Input.OrganizationId, links);
        return await this.SendAsync(sender, command, localizer, story =>
        {
            Done = story.Status == StoryStatus.Published ? "StoryPublishedDone" : "StorySentForReviewDone";
            return RedirectToPage("/Stories/Details", new { id = story.Id });
        }, () => ReloadAsync(cancellationToken), Inputs, cancellationToken, codeInputs: CodeInputs);
    }

    public async Task<IActionResult> OnPostCoverAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
            return NotFound();
        await using var content = Cover?.OpenReadStream() ?? Stream.Null;
        return await this.SendAsync(sender, new SetStoryCover(id, content, Cover?.Length ?? 0), localizer, _ =>
        {
            Done = "StoryCoverSetDone";
            return RedirectToPage(new { id });
        }, () => ReloadAsync(cancellationToken), Inputs, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveCoverAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
            return NotFound();
        return await this.SendAsync(sender, new RemoveStoryCover(id), localizer, _ =>
        {
            Done = "StoryCoverRemovedDone";
            return RedirectToPage(new { id });
        }, () => ReloadAsync(cancellationToken), Inputs, cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            try
            {
                Story = await sender.Send(new GetStory(id), cancellationToken);
            }
            catch (NotFoundException)
            {
                return false;
            }

            if (!Story.MayEdit)
                return false;
        }

        Organizations = (await sender.Send(new ListMyOrganizations(), cancellationToken))
            .Where(o => o.Status == OrganizationStatus.Verified).ToList();
        return true;
    }

    public sealed class StoryForm
    {
        public string? Title { get; set; }

        public Guid? OrganizationId { get; set; }

        public string? BodyMarkdown { get; set; }

        /// <summary>The addresses of the pages the story links to, one per line.</summary>
        public string? Links { get; set; }
    }
}
