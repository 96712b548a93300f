using Microsoft.AspNetCore.Authentication;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace SharingPlatform.Web.Hosting;

/// <summary>Identity's sign-in, refusing a suspended account with <see cref="SuspendedSignIn"/> (the API and the page say why).</summary>
internal sealed class SuspensionAwareSignInManager(
    UserManager<User> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<User> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<User> confirmation)
    : SignInManager<User>(users, accessor, claims, options, logger, schemes, confirmation)
{
    protected override async Task<SignInResult?> PreSignInCheck(User user) =>
        user.IsSuspended ? new SuspendedSignIn() : await base.PreSignInCheck(user);

    /// <summary>A refreshed sign-in (after a password change, say) stays the same session: its <c>sid</c> is kept.</summary>
    public override Task SignInWithClaimsAsync(User user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Exists(c => c.Type == SessionClaims.SessionId) && Context.User.FindFirst(SessionClaims.SessionId) is { } session)
        {
            claims.Add(new Claim(SessionClaims.SessionId, session.Value));
            if (Context.User.FindFirst(SessionClaims.RefreshGeneration) is { } generation)
                claims.Add(new Claim(SessionClaims.RefreshGeneration, generation.Value));
        }

        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}

/// <summary>A sign-in refused because an administrator suspended the account.</summary>
public sealed class SuspendedSignIn : SignInResult
{
    public SuspendedSignIn() => IsNotAllowed = true;

    public static string Message => Texts.Get("AccountSuspended");
}
