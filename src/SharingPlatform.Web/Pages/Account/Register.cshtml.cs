namespace SharingPlatform.Web.Pages.Account;

[EnableRateLimiting(RateLimiting.Accounts)]
public sealed class RegisterModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Email", "Input.Email"),
        ("DisplayName", "Input.DisplayName"),
        ("Password", "Input.Password"),
        ("PreferredLanguage", "Input.PreferredLanguage"));

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet() => Input.PreferredLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(Input.Password, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.ConfirmPassword", localizer["Error_ConfirmPassword_Mismatch"]);
            return Page();
        }

        var email = Input.Email?.Trim() ?? "";
        try
        {
            await sender.Send(
                new RegisterResident(email, Input.Password ?? "", Input.DisplayName ?? "", LanguageCodes.FromCultureName(Input.PreferredLanguage)),
                cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
            return Page();
        }

        // An address that already has an account "succeeds" too: its owner gets an email, nobody learns who is registered.
        return RedirectToPage("RegisterConfirmation", new { email });
    }

    public sealed class RegisterInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
        public string? PreferredLanguage { get; set; }
    }
}
