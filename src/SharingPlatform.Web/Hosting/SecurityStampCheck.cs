using Microsoft.AspNetCore.Authentication;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Ends a suspended person's sessions at once, not when their token or cookie expires: an authenticated request whose
/// security stamp is no longer the account's (a suspension changes it), or whose account is suspended, or whose session
/// (the <c>sid</c> claim) is unknown, revoked (signed out) or expired, is treated as anonymous, and the cookie is
/// removed. One query by primary key per authenticated request.
/// </summary>
public static class SecurityStampCheck
{
    public static IApplicationBuilder UseSecurityStampCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (!ApiPaths.IsApi(context.Request))
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        await next(context);
    });

    /// <summary>A session's last use is written at most this often (it keeps a sliding cookie's session alive).</summary>
    private static readonly TimeSpan SeenEvery = TimeSpan.FromHours(1);

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (!Guid.TryParse(context.User.FindFirstValue(options.UserIdClaimType), out var userId)
            || SessionClaims.SessionOf(context.User) is not { } sessionId)
            return false;
        var stamp = context.User.FindFirstValue(options.SecurityStampClaimType);
        var db = context.RequestServices.GetRequiredService<IApplicationDbContext>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                Suspended = u.SuspendedAt != null,
                Session = db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
                    .Select(s => new { s.LastSeenAt }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(context.RequestAborted);
        if (account is not { Suspended: false, Session: not null } || account.SecurityStamp != stamp)
            return false;

        if (now - account.Session.LastSeenAt > SeenEvery)
        {
            var expires = now + UserSession.IdleLifetime;
            await db.UserSessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, expires), context.RequestAborted);
        }

        return true;
    }
}
