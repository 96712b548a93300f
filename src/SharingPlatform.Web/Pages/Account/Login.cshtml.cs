using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SharingPlatform.Domain.Users;
using SharingPlatform.Web.Hosting;

namespace SharingPlatform.Web.Pages.Account;

/// <summary>Signs in with Identity's cookie (five wrong passwords lock the account for five minutes).</summary>
[EnableRateLimiting(RateLimiting.Accounts)]
public sealed class LoginModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The password was right but the email is not confirmed yet: offer a new confirmation link.</summary>
    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(Input.Password))
        {
            if (email.Length == 0)
                ModelState.AddModelError("Input.Email", localizer["Error_Email_NotEmpty"]);
            if (string.IsNullOrEmpty(Input.Password))
                ModelState.AddModelError("Input.Password", localizer["Error_Password_NotEmpty"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await signIn.UserManager.FindByNameAsync(email);
            if (user is not null)
                CultureCookie.Append(Response, LocalizationSetup.For(user.PreferredLanguage.ToCultureName()));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result is SuspendedSignIn)
        {
            ModelState.AddModelError("", localizer["LoginSuspended"]);
        }
        else if (result.IsLockedOut)
        {
            ModelState.AddModelError("", localizer["LoginLockedOut"]);
        }
        else if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("", localizer["LoginNotConfirmed"]);
        }
        else
        {
            ModelState.AddModelError("", localizer["LoginFailed"]);
        }

        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }
}
