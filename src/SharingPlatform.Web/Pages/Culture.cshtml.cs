namespace SharingPlatform.Web.Pages;

/// <summary>The header's language switch: remembers the choice in a cookie and, for a signed-in person, in their account (emails follow it).</summary>
public sealed class CultureModel(ISender sender) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken cancellationToken)
    {
        var chosen = LocalizationSetup.For(culture ?? "");
        CultureCookie.Append(Response, chosen);
        if (User.Identity?.IsAuthenticated == true)
            await sender.Send(new ChooseLanguage(LanguageCodes.FromCultureName(chosen.Name)), cancellationToken);

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
