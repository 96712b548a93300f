namespace SharingPlatform.Web.Hosting;

public static class SharingPlatformClaims
{
    public const string DisplayName = "display_name";
    public const string Language = "language";

    public static string DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Puts the display name and preferred language in the cookie and token, so the header shows the name without a query.</summary>
internal sealed class DisplayNameClaimsFactory(
    UserManager<User> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SharingPlatformClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(SharingPlatformClaims.Language, user.PreferredLanguage.ToCultureName()));
        return identity;
    }
}
