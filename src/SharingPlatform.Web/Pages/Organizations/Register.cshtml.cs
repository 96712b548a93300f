using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Web.Pages.Organizations;

/// <summary>A signed-in person registers a cooperative, social enterprise…; it waits for an administrator's verification.</summary>
[Authorize]
public sealed class RegisterModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Kind", "Input.Kind"),
        ("Name", "Input.Name"),
        ("BusinessRegistrationNumber", "Input.BusinessRegistrationNumber"),
        ("Municipality", "Input.Municipality"),
        ("Address", "Input.Address"),
        ("Phone", "Input.Phone"),
        ("Email", "Input.Email"),
        ("Description", "Input.Description"));

    /// <summary>A number already registered (the unique index) is said on its input.</summary>
    private static readonly Dictionary<string, string> CodeInputs = new()
    {
        ["business_registration_number_taken"] = "Input.BusinessRegistrationNumber",
    };

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        return await this.SendAsync(
            sender,
            new RegisterOrganization(
                Input.Name?.Trim() ?? "", Input.Kind ?? (OrganizationKind)(-1), Input.BusinessRegistrationNumber?.Trim() ?? "",
                Input.Municipality ?? "", Input.Address?.Trim() ?? "", Input.Phone?.Trim() ?? "", Input.Email?.Trim() ?? "",
                Input.Description),
            localizer,
            organization =>
            {
                TempData["Done"] = "OrganizationRegistered";
                return RedirectToPage("/Organizations/Details", new { id = organization.Id });
            },
            () => Task.FromResult<IActionResult>(Page()),
            Inputs,
            cancellationToken,
            codeInputs: CodeInputs);
    }

    public sealed class OrganizationInput
    {
        public OrganizationKind? Kind { get; set; }
        public string? Name { get; set; }
        public string? BusinessRegistrationNumber { get; set; }
        public string? Municipality { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Description { get; set; }
    }
}
