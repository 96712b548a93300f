using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// A refusal as a sentence in the reader's language: the site's wording for its code (<c>Rule_period_taken</c>,
/// <c>Rule_max_below_min</c>) in SiteText, otherwise the use case's own message. Pages and the API say it the same way; a
/// duration the rule names is worded as one ("1 day", "1 hour 30 minutes"), not as a count of minutes.
/// </summary>
public static class RefusalText
{
    /// <summary>The rule's sentence, after the date it is about when it names one (a week of a series).</summary>
    public static string Describe(this IStringLocalizer localizer, DomainRuleException rule)
    {
        var text = localizer.Describe(rule.Code, rule.Arguments, rule.Message);
        return DatesIn(rule, "date") is [var date] ? $"{BookingText.Date(date)}: {text}" : text;
    }

    /// <summary>The conflict's sentence; one that names the taken dates of a series lists them.</summary>
    public static string Describe(this IStringLocalizer localizer, ConflictException conflict)
    {
        if (DatesIn(conflict, "conflictingDates") is { Count: > 0 } dates)
            return localizer["SeriesDatesTaken", string.Join(", ", dates.Select(BookingText.Date))];
        return conflict.Code is { Length: > 0 } code ? localizer.Describe(code, [], conflict.Message) : conflict.Message;
    }

    /// <summary>A rule known by its code and values (a skipped week of a series); otherwise <paramref name="fallback"/>.</summary>
    public static string Describe(this IStringLocalizer localizer, string code, IEnumerable<object> arguments, string fallback)
    {
        var text = localizer[$"Rule_{code}", [.. arguments.Select(a => a is TimeSpan duration ? localizer.Duration((int)duration.TotalMinutes) : a)]];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    private static List<DateOnly> DatesIn(Exception refusal, string field) =>
        refusal is IRefusalDetails details && details.ProblemFields.GetValueOrDefault(field) is { } value
            ? (value is IEnumerable<string> many ? many : [value.ToString() ?? ""])
                .Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
                .OfType<DateOnly>().ToList()
            : [];

    /// <summary>A refused rule, shown at the top of the page (it is about the whole form, not one field).</summary>
    public static void AddRule(this ModelStateDictionary modelState, IStringLocalizer localizer, DomainRuleException rule) =>
        modelState.AddModelError("", localizer.Describe(rule));
}
