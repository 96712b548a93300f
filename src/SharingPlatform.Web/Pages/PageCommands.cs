namespace SharingPlatform.Web.Pages;

/// <summary>
/// How a page sends a command from one of its forms. A refusal the person can act on (invalid input, a rule, a role, a
/// conflict, a constraint of <see cref="ConstraintCodes"/>) goes into ModelState in the page's language and the page is
/// shown again with it; someone not signed in is challenged, and a thing they may not see is 404, as in the API.
/// </summary>
public static class PageCommands
{
    /// <param name="sent">The result once the command is done (usually a redirect with a "done" message).</param>
    /// <param name="refused">The page again, reloaded, once ModelState has the reason.</param>
    /// <param name="inputs">Use-case property → ModelState key of its input (<see cref="ValidationErrors.Inputs"/>).</param>
    /// <param name="gone">When set, a thing that is gone is said with this sentence on the page instead of a 404.</param>
    /// <param name="codeInputs">Refusal code → ModelState key of the input it is about; others go to the top of the page.</param>
    public static async Task<IActionResult> SendAsync<TResponse>(
        this PageModel page,
        ISender sender,
        ICommand<TResponse> command,
        IStringLocalizer localizer,
        Func<TResponse, IActionResult> sent,
        Func<Task<IActionResult>> refused,
        IReadOnlyDictionary<string, string> inputs,
        CancellationToken cancellationToken,
        string? gone = null,
        IReadOnlyDictionary<string, string>? codeInputs = null)
    {
        string InputOf(string? code) => code is not null && codeInputs?.GetValueOrDefault(code) is { } key ? key : "";

        try
        {
            return sent(await sender.Send(command, cancellationToken));
        }
        catch (NotSignedInException)
        {
            return page.Challenge();
        }
        catch (NotFoundException) when (gone is null)
        {
            return page.NotFound();
        }
        catch (NotFoundException)
        {
            page.ModelState.AddModelError("", gone!);
        }
        catch (ValidationException invalid)
        {
            invalid.AddTo(page.ModelState, localizer, inputs);
        }
        catch (DomainRuleException rule)
        {
            // IllegalTransitionException too: someone else moved the thing first, say.
            page.ModelState.AddModelError(InputOf(rule.Code), localizer.Describe(rule));
        }
        catch (ForbiddenException forbidden)
        {
            page.ModelState.AddModelError("", forbidden.Message);
        }
        catch (ConflictException conflict)
        {
            page.ModelState.AddModelError(InputOf(conflict.Code), localizer.Describe(conflict));
        }
        catch (Exception constraint) when (ConstraintCodes.From(constraint) is { } conflict)
        {
            page.ModelState.AddModelError(InputOf(conflict.Code), localizer.Describe(conflict));
        }
        catch (ServiceBusyException)
        {
            page.ModelState.AddModelError("", ProblemDetailsSetup.BusyDetail);
        }

        return await refused();
    }

    /// <summary>The page again (by <paramref name="routeValues"/>), saying what was done (the <c>Done</c> text key it shows once).</summary>
    public static RedirectToPageResult RedirectWithDone(this PageModel page, object routeValues, string done)
    {
        page.TempData["Done"] = done;
        return page.RedirectToPage(routeValues);
    }
}
