namespace SharingPlatform.Web.Pages.Account;

/// <summary>A new confirmation link; the answer is the same whether or not the address has an unconfirmed account.</summary>
[EnableRateLimiting(RateLimiting.Accounts)]
public sealed class ResendConfirmationModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(("Email", nameof(Email)));

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public void OnGetSent() => Sent = true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new ResendConfirmation(Email?.Trim() ?? ""), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, Inputs);
            return Page();
        }

        return RedirectToPage(new { handler = "Sent" });
    }
}
