namespace SharingPlatform.Web.Pages.Account;

/// <summary>Mails a reset link; the answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimiting.Accounts)]
public sealed class ForgotPasswordModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Email", "Input.Email"));

    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public void OnGetSent() => Sent = true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new RequestPasswordReset(Input.Email?.Trim() ?? ""), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
            return Page();
        }

        return RedirectToPage(new { handler = "Sent" });
    }

    public sealed class ForgotPasswordInput
    {
        public string? Email { get; set; }
    }
}
