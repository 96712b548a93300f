using Microsoft.AspNetCore.Authorization.Policy;

namespace SharingPlatform.Web.Hosting;

/// <summary>A signed-in person without the role gets 404 for administrator pages, not a 403 that confirms they exist.</summary>
internal sealed class HideForbiddenAdminPages : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
