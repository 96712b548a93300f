namespace SharingPlatform.Web.Pages.Account;

/// <summary>
/// The link in the confirmation email. Opening it only shows a button: mail clients' link scanners open links too,
/// and must not use up the code. The POST confirms.
/// </summary>
public sealed class ConfirmEmailModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Confirmed { get; private set; }

    public bool Failed { get; private set; }

    public bool LinkComplete => Guid.TryParse(UserId, out _) && !string.IsNullOrWhiteSpace(Code);

    public void OnGet()
    {
        ModelState.Clear();
        if (!LinkComplete)
            Refuse(localizer["LinkInvalid"]);
    }

    public void OnGetDone() => Confirmed = true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(UserId, out var userId) || string.IsNullOrWhiteSpace(Code))
        {
            Refuse(localizer["LinkInvalid"]);
            return Page();
        }

        try
        {
            await sender.Send(new ConfirmEmail(userId, Code), cancellationToken);
        }
        catch (ValidationException refused)
        {
            Failed = true;
            refused.AddTo(ModelState, localizer, ValidationErrors.Inputs());
            return Page();
        }

        return RedirectToPage(new { handler = "Done" });
    }

    private void Refuse(string message)
    {
        Failed = true;
        ModelState.AddModelError("", message);
    }
}
