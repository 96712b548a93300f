namespace SharingPlatform.Web.Pages.Account;

/// <summary>"Check your email", after signing up; its resend form posts to <see cref="ResendConfirmationModel"/>.</summary>
public sealed class RegisterConfirmationModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }
}
