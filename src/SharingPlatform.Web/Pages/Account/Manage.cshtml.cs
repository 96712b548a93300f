namespace SharingPlatform.Web.Pages.Account;

/// <summary>
/// "My account": display name, preferred language, password, and the secret link of the personal calendar feed. Sign-in
/// is required by a convention in Program.cs.
/// </summary>
public sealed class ManageModel(ISender sender, SignInManager<User> signIn, IStringLocalizer<SiteText> localizer, IAppLinks links) : PageModel
{
    private static readonly Dictionary<string, string> ProfileInputs = ValidationErrors.Inputs(
        ("DisplayName", "Profile.DisplayName"),
        ("PreferredLanguage", "Profile.PreferredLanguage"));

    private static readonly Dictionary<string, string> PasswordInputs = ValidationErrors.Inputs(
        ("CurrentPassword", "PasswordChange.CurrentPassword"),
        ("NewPassword", "PasswordChange.NewPassword"),
        ("Password", "PasswordChange.NewPassword"));

    public MyAccount Account { get; private set; } = null!;

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput PasswordChange { get; set; } = new();

    /// <summary>The subscribe address of the person's calendar feed, when they have made one.</summary>
    public string? CalendarUrl => Account.CalendarToken is { Length: > 0 } token ? links.To($"/calendar/{token}.ics").ToString() : null;

    /// <summary>The resource key of what was just saved, shown once after the redirect.</summary>
    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Profile = new ProfileInput { DisplayName = Account.DisplayName, PreferredLanguage = Account.PreferredLanguage };
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        var language = LanguageCodes.FromCultureName(Profile.PreferredLanguage);
        try
        {
            await sender.Send(new UpdateMyProfile(Profile.DisplayName ?? "", language), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, ProfileInputs);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The header shows the name from the sign-in cookie: issue it again with the new name.
        await RefreshSignInAsync();
        CultureCookie.Append(Response, LocalizationSetup.For(language.ToCultureName()));
        Saved = "ProfileSaved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(PasswordChange.NewPassword, PasswordChange.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("PasswordChange.ConfirmPassword", localizer["Error_ConfirmPassword_Mismatch"]);
            return await PasswordRefusedAsync(cancellationToken);
        }

        try
        {
            await sender.Send(new ChangePassword(PasswordChange.CurrentPassword ?? "", PasswordChange.NewPassword ?? ""), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, PasswordInputs);
            return await PasswordRefusedAsync(cancellationToken);
        }

        // A new password changes the security stamp: renew this browser's cookie so it stays signed in.
        await RefreshSignInAsync();
        Saved = "PasswordChanged";
        return RedirectToPage();
    }

    /// <summary>A new secret calendar link; the old one stops working at once.</summary>
    /// <summary>Ends every session of the person, this browser's too.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SignOutEverywhere(), cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RegenerateCalendarLink(), cancellationToken);
        Saved = "CalendarLinkCreated";
        return RedirectToPage(null, null, null, "calendar");
    }

    private async Task<IActionResult> PasswordRefusedAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Profile = new ProfileInput { DisplayName = Account.DisplayName, PreferredLanguage = Account.PreferredLanguage };
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Account = await sender.Send(new GetMyAccount(), cancellationToken);

    private async Task RefreshSignInAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
    }

    public sealed class ProfileInput
    {
        public string? DisplayName { get; set; }
        public string? PreferredLanguage { get; set; }
    }

    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
