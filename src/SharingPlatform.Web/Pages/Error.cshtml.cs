using Microsoft.AspNetCore.Diagnostics;

namespace SharingPlatform.Web.Pages;

/// <summary>Shown for unhandled errors and bare error statuses of pages (404, 429…); never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SiteText> localizer) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        // A re-executed POST whose body was refused cannot bind ?status= (binding would read that body): take the original status.
        status ??= HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var code = status ?? StatusCodes.Status500InternalServerError;
        if (status is null && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error
            && ProblemDetailsSetup.RetryAfter(error) is { } wait)
        {
            code = StatusCodes.Status503ServiceUnavailable;
            Response.StatusCode = code;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (status is null && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad)
        {
            code = bad.StatusCode;
            Response.StatusCode = code;
        }

        (Title, Message) = code switch
        {
            503 => (localizer["UnavailableTitle"], localizer["UnavailableMessage"]),
            413 => (localizer["TooLargeTitle"], localizer["TooLargeMessage"]),
            404 => (localizer["NotFoundTitle"], localizer["NotFoundMessage"]),
            429 => (localizer["TooManyRequestsTitle"], localizer["TooManyRequestsMessage"]),
            400 => (localizer["BadRequestTitle"], localizer["BadRequestMessage"]),
            _ => (localizer["ErrorTitle"], localizer["ErrorMessage"]),
        };
    }
}
