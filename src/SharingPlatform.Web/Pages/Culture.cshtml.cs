namespace SharingPlatform.Web.Pages;

/// <summary>
/// The header's language switch: remembers the choice in a cookie and, for a signed-in person, in their account (emails
/// follow it). Only a signed-in person's choice needs the antiforgery token: a visitor's form has none, so that public
/// pages can be kept for every visitor, and a forged post could at most change a visitor's language.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CultureModel(ISender sender, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken cancellationToken)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && !await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();

        var chosen = LocalizationSetup.For(culture ?? "");
        CultureCookie.Append(Response, chosen);
        if (signedIn)
            await sender.Send(new ChooseLanguage(LanguageCodes.FromCultureName(chosen.Name)), cancellationToken);

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
