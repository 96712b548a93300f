namespace SharingPlatform.Web.Pages.Account;

/// <summary>The link in the reset email: the person chooses a new password.</summary>
[EnableRateLimiting(RateLimiting.Accounts)]
public sealed class ResetPasswordModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    // Identity's password refusals name "password"; here that is the new password. Email and code errors are about the link.
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("NewPassword", "Input.NewPassword"),
        ("Password", "Input.NewPassword"));

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public bool LinkComplete => !string.IsNullOrWhiteSpace(Input.Email) && !string.IsNullOrWhiteSpace(Input.Code);

    public void OnGet(string? email, string? code)
    {
        Input = new ResetPasswordInput { Email = email, Code = code };
        if (!LinkComplete)
            ModelState.AddModelError("", localizer["LinkInvalid"]);
    }

    public void OnGetDone() => Done = true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LinkComplete)
        {
            ModelState.AddModelError("", localizer["LinkInvalid"]);
            return Page();
        }

        if (!string.Equals(Input.NewPassword, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.ConfirmPassword", localizer["Error_ConfirmPassword_Mismatch"]);
            return Page();
        }

        try
        {
            await sender.Send(new ResetPassword(Input.Email!, Input.Code!, Input.NewPassword ?? ""), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
            return Page();
        }

        return RedirectToPage(new { handler = "Done" });
    }

    public sealed class ResetPasswordInput
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
