namespace SharingPlatform.Web.Pages.Account;

/// <summary>Signs in with Identity's cookie through <see cref="PasswordSignIn"/> (no account lockout; one address is throttled per email).</summary>
[EnableRateLimiting(RateLimiting.Accounts)]
public sealed class LoginModel(PasswordSignIn signIn, UserManager<User> users, IStringLocalizer<SiteText> localizer) : PageModel
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

        var attempt = await signIn.SignInAsync(email, Input.Password, Input.RememberMe, IdentityConstants.ApplicationScheme, HttpContext.RequestAborted);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                if (await users.FindByEmailAsync(email) is { } user)
                    CultureCookie.Append(Response, LocalizationSetup.For(user.PreferredLanguage.ToCultureName()));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = RetryAfter.Seconds(attempt.RetryAfter);
                ModelState.AddModelError("", localizer["LoginThrottled", RetryAfter.Minutes(attempt.RetryAfter)]);
                break;
            case SignInOutcome.Suspended:
                ModelState.AddModelError("", localizer["LoginSuspended"]);
                break;
            case SignInOutcome.NotConfirmed:
                NeedsConfirmation = true;
                ModelState.AddModelError("", localizer["LoginNotConfirmed"]);
                break;
            default:
                ModelState.AddModelError("", localizer["LoginFailed"]);
                break;
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
