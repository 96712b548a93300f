namespace SharingPlatform.Web.Hosting;

/// <summary>The claims that name a sign-in's <see cref="SharingPlatform.Domain.Users.UserSession"/> in its cookie or tokens.</summary>
public static class SessionClaims
{
    /// <summary>The session's id.</summary>
    public const string SessionId = "sid";

    /// <summary>A bearer session's refresh generation when the token was issued.</summary>
    public const string RefreshGeneration = "sp_rgen";

    public static Guid? SessionOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionId), out var id) ? id : null;

    public static int? GenerationOf(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirstValue(RefreshGeneration), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var generation) ? generation : null;

    public static Claim[] For(Guid sessionId, int generation) =>
    [
        new(SessionId, sessionId.ToString()),
        new(RefreshGeneration, generation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
