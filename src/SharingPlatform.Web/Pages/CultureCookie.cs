using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace SharingPlatform.Web.Pages;

/// <summary>The language switch's cookie: the site speaks this language to the browser from the next request on.</summary>
public static class CultureCookie
{
    public static void Append(HttpResponse response, CultureInfo culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
                IsEssential = true,
            });

    /// <summary>
    /// Where the language switch brings the person back to: the page they are on (the original one when an error page
    /// is shown instead), without a <c>?culture=</c> that would override the choice.
    /// </summary>
    public static string ReturnUrlOf(HttpContext context)
    {
        var request = context.Request;
        var (pathBase, path, query) = context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
            ? (reExecuted.OriginalPathBase, reExecuted.OriginalPath, reExecuted.OriginalQueryString)
            : context.Features.Get<IExceptionHandlerPathFeature>() is { } failed
                ? (request.PathBase.Value, failed.Path, "")
                : (request.PathBase.Value, request.Path.Value, request.QueryString.Value);

        var url = $"{pathBase}{path}";
        if (string.IsNullOrEmpty(url))
            url = "/";
        var parameters = QueryHelpers.ParseQuery(query)
            .Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(url, parameters);
    }
}
