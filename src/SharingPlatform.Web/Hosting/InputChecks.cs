using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// <see cref="InputRules"/> at the edge, for what never becomes a request's property as it came: query strings and route
/// values of the API (an endpoint filter on <c>/api/v1</c>) and of the pages (a page filter), and times in the API's
/// JSON, which must carry their offset. Bodies and form fields are checked once they are a request, by
/// <see cref="InputRulesBehaviour{TMessage, TResponse}"/>.
/// </summary>
public static partial class InputChecks
{
    /// <summary>A date with a time and no offset: "2026-12-10T10:00:00" means nothing until one says where.</summary>
    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalTime();

    public static string OffsetMissing => Texts.Get("OffsetMissing");

    /// <summary>The failures of the query string and route values, each under its own name.</summary>
    public static List<ValidationFailure> Check(HttpRequest request, bool timesNeedOffset)
    {
        var failures = new List<ValidationFailure>();
        foreach (var (key, values) in request.Query)
        {
            if (InputRules.Check(key, "key") is { } keyProblem)
                failures.Add(new ValidationFailure("query", keyProblem));
            foreach (var value in values)
            {
                if (InputRules.Check(value, key) is { } problem)
                    failures.Add(new ValidationFailure(key, problem));
                else if (timesNeedOffset && value is not null && LocalTime().IsMatch(value))
                    failures.Add(new ValidationFailure(key, OffsetMissing));
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && InputRules.Check(text, key) is { } problem)
                failures.Add(new ValidationFailure(key, problem));
        }

        return failures;
    }

    /// <summary>On the API group: a bad query string is a 400 with <c>errors</c>, like any refused input.</summary>
    public static TBuilder CheckInput<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var failures = Check(context.HttpContext.Request, timesNeedOffset: true);
            if (failures.Count > 0)
                throw new ValidationException(failures);
            return await next(context);
        });

    /// <summary>The API's JSON: no key twice, and times with their offset.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new OffsetRequired());
    }

    /// <summary>Reads a time only with its offset (Z or ±hh:mm); writes it as before.</summary>
    public sealed partial class OffsetRequired : JsonConverter<DateTimeOffset>
    {
        [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
        private static partial Regex Offset();

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException(OffsetMissing);
            var text = reader.GetString() ?? "";
            if (!Offset().IsMatch(text) || !text.Contains('T', StringComparison.OrdinalIgnoreCase) || !reader.TryGetDateTimeOffset(out var value))
                throw new JsonException(OffsetMissing);
            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>On the pages: a bad query string or route value answers 400 (the error page) before any handler runs.</summary>
    public sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (Check(context.HttpContext.Request, timesNeedOffset: false).Count > 0)
            {
                context.Result = new BadRequestResult();
                return;
            }

            // A use case's refusal a page did not catch itself (a query-string date in year 1, say) is a 400, not a 500.
            var executed = await next();
            if (executed.Exception is ValidationException && !executed.ExceptionHandled)
            {
                executed.ExceptionHandled = true;
                executed.Result = new BadRequestResult();
            }
        }
    }

    /// <summary>The field a JSON failure is about: the last name of its path ($.policy.openingHours[0].opens → opens).</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path))
            return "";
        var last = path.Split('.', StringSplitOptions.RemoveEmptyEntries)[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? last[..bracket] : last;
        return name == "$" ? "" : name.Trim('\'', '[', ']');
    }
}
