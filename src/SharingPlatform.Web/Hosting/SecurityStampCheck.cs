using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Ends a suspended person's sessions at once, not when their token or cookie expires: an authenticated request whose
/// security stamp is no longer the account's (a suspension changes it), or whose account is suspended, is treated as
/// anonymous, and the cookie is removed. One query by primary key per authenticated request.
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

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (!Guid.TryParse(context.User.FindFirstValue(options.UserIdClaimType), out var userId))
            return false;
        var stamp = context.User.FindFirstValue(options.SecurityStampClaimType);
        var db = context.RequestServices.GetRequiredService<IApplicationDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, Suspended = u.SuspendedAt != null })
            .SingleOrDefaultAsync(context.RequestAborted);
        return account is { Suspended: false } && account.SecurityStamp == stamp;
    }
}
