namespace SharingPlatform.Web.Pages.Account;

/// <summary>Signs out (the session ends on the server too) on POST only (a link or an image cannot sign anyone out); GET shows the button.</summary>
public sealed class LogoutModel(SignInManager<User> signIn, ISender sender) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && SessionClaims.SessionOf(User) is { } session)
            await sender.Send(new EndSession(session), cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
