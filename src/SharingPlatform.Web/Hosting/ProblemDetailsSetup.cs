using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace SharingPlatform.Web.Hosting;

/// <summary>The one place where exceptions and bare error statuses of <c>/api</c> become RFC 9457 problem details.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddSharingPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Title = TitleFor(context.ProblemDetails.Status ?? 500);
            context.ProblemDetails.Type ??= $"https://httpstatuses.io/{context.ProblemDetails.Status}";
            context.ProblemDetails.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Errors become the error page, or problem details under <c>/api</c> (<see cref="ApiExceptionHandler"/>). Since .NET 10
    /// the middleware logs nothing for an exception that an exception handler answered: here only the API's refusals
    /// go unlogged (4xx, and "busy, try again" when too many photos are being decoded), which the use case's log line
    /// already tells; a failure (5xx) is logged as an error with its stack, like one on a page.
    /// </summary>
    public static IApplicationBuilder UseSharingPlatformExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService
                && (ToProblem(context.Exception).Status < 500 || context.Exception is ServiceBusyException),
        });

    /// <summary>An <c>/api</c> answer with an error status and no body (401, 403, 404, 405, 429…) gets a problem body.</summary>
    public static IApplicationBuilder UseApiStatusCodeProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => ApiPaths.IsApi(context.Request), api => api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            await Results.Problem(statusCode: status, detail: status == StatusCodes.Status413PayloadTooLarge ? Texts.Get("BodyTooLarge") : null)
                .ExecuteAsync(http);
        }));

    public static string TitleFor(int status) => status switch
    {
        400 => Texts.Get("Problem_400"),
        401 => Texts.Get("Problem_401"),
        403 => Texts.Get("Problem_403"),
        404 => Texts.Get("Problem_404"),
        405 => Texts.Get("Problem_405"),
        409 => Texts.Get("Problem_409"),
        413 => Texts.Get("Problem_413"),
        422 => Texts.Get("Problem_422"),
        429 => Texts.Get("Problem_429"),
        503 => Texts.Get("Problem_503"),
        _ => Texts.Get("Problem_500"),
    };

    private sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SiteText> texts) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            // The middleware has already rewritten the path to /Error; the feature keeps the original.
            var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path;
            if (!ApiPaths.IsApi(path))
                return false;

            var problem = ToProblem(exception);
            if (exception is DomainRuleException rule)
                problem.Detail = texts.Describe(rule);
            context.Response.StatusCode = problem.Status ?? 500;
            if (RetryAfter(exception) is { } wait)
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = problem,
                Exception = exception,
            });
            return true;
        }
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors
                .GroupBy(e => FieldName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = 400,
        },
        BadHttpRequestException { InnerException: System.Text.Json.JsonException json } bad => new HttpValidationProblemDetails(
            new Dictionary<string, string[]>
            {
                [InputChecks.FieldOf(json.Path)] = [json.Message == InputChecks.OffsetMissing
                    ? InputChecks.OffsetMissing
                    : Texts.Get("ValueUnreadable")],
            })
        {
            Status = bad.StatusCode,
        },
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails { Status = 413, Detail = Texts.Get("BodyTooLarge") },
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Detail = Texts.Get("BodyUnreadable") },
        NotSignedInException => new ProblemDetails { Status = 401 },
        ForbiddenException forbidden => new ProblemDetails { Status = 403, Detail = forbidden.Message },
        NotFoundException notFound => new ProblemDetails { Status = 404, Detail = notFound.Message },
        ServiceBusyException => new ProblemDetails { Status = 503, Detail = BusyDetail },
        ConflictException conflict => Refusal(409, conflict.Message, conflict.Code, conflict),
        IllegalTransitionException illegal => Refusal(409, illegal.Message, illegal.Code, illegal),
        DomainRuleException rule => Refusal(422, rule.Message, rule.Code, rule),
        // A violated constraint of the table (one booking per period, one open report…) names what was taken.
        _ when ConstraintCodes.From(exception) is { } known => ToProblem(known),
        _ when DatabaseFaults.Postgres(exception) is { } pg && IsConflict(pg.SqlState) => Conflict(),
        DbUpdateConcurrencyException => Conflict(),
        _ when DatabaseFaults.IsUnavailable(exception) => new ProblemDetails { Status = 503, Detail = Texts.Get("DatabaseUnavailable") },
        _ => new ProblemDetails { Status = 500 },
    };

    /// <summary>How long the client should wait before trying again, when the error passes by itself.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        ServiceBusyException busy => busy.RetryAfter,
        _ when ToProblem(exception).Status == 503 => DatabaseFaults.RetryAfter,
        _ => null,
    };

    /// <summary>What a person is told when the server is busy (page or API).</summary>
    public static string BusyDetail => Texts.Get("ServiceBusy");

    /// <summary>A refusal's status, message, code and the extra fields it names itself (<see cref="IRefusalDetails"/>).</summary>
    private static ProblemDetails Refusal(int status, string detail, string? code, Exception refusal)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        if (code is not null)
            problem.Extensions["code"] = code;
        if (refusal is IRefusalDetails details)
            foreach (var (name, value) in details.ProblemFields)
                problem.Extensions[name] = value;
        return problem;
    }

    private static ProblemDetails Conflict() => new()
    {
        Status = 409,
        Detail = Texts.Get("ConcurrentChange"),
    };

    /// <summary>Unique violation, exclusion violation, serialization failure, deadlock: the database settled a race.</summary>
    private static bool IsConflict(string sqlState) =>
        sqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "" : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
