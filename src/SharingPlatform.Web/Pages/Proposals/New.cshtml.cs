using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Web.Pages.Proposals;

/// <summary>A signed-in resident proposes something that should be shared; the proposal's page follows.</summary>
[Authorize]
public sealed class NewModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Title", "Input.Title"), ("Description", "Input.Description"), ("Category", "Input.Category"), ("Municipality", "Input.Municipality"));

    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
            ModelState.AddModelError("Input.Title", localizer["Error_ProposalTitle_NotEmpty"]);
        else if (Input.Title.Trim().Length > Proposal.TitleMaxLength)
            ModelState.AddModelError("Input.Title", localizer["Error_ProposalTitle_MaximumLength", Proposal.TitleMaxLength]);
        if ((Input.Description?.Length ?? 0) > Proposal.DescriptionMaxLength)
            ModelState.AddModelError("Input.Description", localizer["Error_ProposalDescription_MaximumLength", Proposal.DescriptionMaxLength]);
        if (Input.Category is null && ModelState.GetValidationState("Input.Category") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError("Input.Category", localizer["Error_ProposalCategory_Missing"]);
        if (!Domain.Municipalities.Municipality.IsKnown(Input.Municipality ?? ""))
            ModelState.AddModelError("Input.Municipality", localizer["Error_CircleMunicipality_Missing"]);
        if (!ModelState.IsValid)
            return Page();

        var command = new ProposeResource(Input.Title!.Trim(), Input.Description, Input.Category!.Value, Input.Municipality!);
        return await this.SendAsync(sender, command, localizer, proposal =>
        {
            Done = "ProposalCreatedMessage";
            return RedirectToPage("/Proposals/Details", new { id = proposal.Id });
        }, () => Task.FromResult<IActionResult>(Page()), Inputs, cancellationToken);
    }

    public sealed class ProposalForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public ResourceCategory? Category { get; set; }

        public string? Municipality { get; set; }
    }
}
