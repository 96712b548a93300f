using Microsoft.AspNetCore.Authentication;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Ends a suspended person's sessions at once, not when their token or cookie expires: an authenticated request whose
/// security stamp is no longer the account's (a suspension changes it), or whose account is suspended, or whose session
/// (the <c>sid</c> claim) is unknown, revoked (signed out) or expired, is treated as anonymous, and the cookie is
/// removed. One query by primary key for a session's first request on a node; after that the node's memory answers
/// until the database says the person's sessions changed (<see cref="SessionCheckCache"/>).
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
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var kept = context.RequestServices.GetRequiredService<SessionCheckCache>();
        if (kept.Find(sessionId) is { } check && check.UserId == userId && check.SecurityStamp == stamp && check.ExpiresAt > now
            && now - check.LastSeenAt <= SeenEvery)
            return true;

        var generation = kept.Generation;
        var db = context.RequestServices.GetRequiredService<IApplicationDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                Suspended = u.SuspendedAt != null,
                Session = db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
                    .Select(s => new { s.LastSeenAt, s.ExpiresAt }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(context.RequestAborted);
        if (account is not { Suspended: false, Session: not null } || account.SecurityStamp != stamp)
            return false;

        var (lastSeen, expires) = (account.Session.LastSeenAt, account.Session.ExpiresAt);
        if (now - lastSeen > SeenEvery)
        {
            (lastSeen, expires) = (now, now + UserSession.IdleLifetime);
            await db.UserSessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, expires), context.RequestAborted);
        }

        kept.Keep(sessionId, new SessionCheckCache.Check(userId, stamp, lastSeen, expires), generation);
        return true;
    }
}
