using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SharingPlatform.Web.Pages;

/// <summary>
/// Puts the failures of a use case's <see cref="ValidationException"/> into ModelState, each under the input of the
/// property it names, so the page shows it next to the field and in the summary. A failure of a property the page has
/// no input for goes to the summary only.
/// </summary>
public static class ValidationErrors
{
    private static readonly string[] EmptyCodes = ["NotEmptyValidator", "NotNullValidator"];

    /// <param name="inputs">
    /// Use-case property (case-insensitive, e.g. <c>Email</c>) → ModelState key of its input (<c>Input.Email</c>), in the
    /// order of the form: the summary lists the errors in that order.
    /// </param>
    public static void AddTo(
        this ValidationException exception,
        ModelStateDictionary modelState,
        IStringLocalizer localizer,
        IReadOnlyDictionary<string, string> inputs)
    {
        var order = inputs.Values.Distinct().Select((key, index) => (key, index)).ToDictionary(p => p.key, p => p.index);
        var failures = exception.Errors
            .Select(f => (Failure: f, Key: inputs.TryGetValue(f.PropertyName ?? "", out var input) ? input : ""))
            .GroupBy(f => f.Key)
            // An empty field gets "enter …", not also "at least 10 characters".
            .SelectMany(g => g.Any(f => EmptyCodes.Contains(f.Failure.ErrorCode)) ? g.Where(f => EmptyCodes.Contains(f.Failure.ErrorCode)) : g)
            .OrderBy(f => f.Key.Length == 0 ? -1 : order.GetValueOrDefault(f.Key, int.MaxValue));

        foreach (var (failure, key) in failures)
        {
            var message = Describe(failure, localizer);
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message))
                continue;
            modelState.AddModelError(key, message);
        }
    }

    public static Dictionary<string, string> Inputs(params (string Property, string Input)[] pairs) =>
        pairs.ToDictionary(p => p.Property, p => p.Input, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The site's own wording for the validators' usual refusals (<c>Error_Email_NotEmpty</c>), in the page's language;
    /// otherwise the use case's message (Identity's refusals come already localized).
    /// </summary>
    private static string Describe(ValidationFailure failure, IStringLocalizer localizer)
    {
        if (string.IsNullOrEmpty(failure.ErrorCode) || string.IsNullOrEmpty(failure.PropertyName))
            return failure.ErrorMessage;

        var code = failure.ErrorCode.EndsWith("Validator", StringComparison.Ordinal) ? failure.ErrorCode[..^"Validator".Length] : failure.ErrorCode;
        var values = failure.FormattedMessagePlaceholderValues;
        var limit = code switch
        {
            "MinimumLength" => values?.GetValueOrDefault("MinLength"),
            "MaximumLength" => values?.GetValueOrDefault("MaxLength"),
            _ => null,
        };
        var text = localizer[$"Error_{failure.PropertyName}_{code}", limit ?? ""];
        return text.ResourceNotFound ? failure.ErrorMessage : text.Value;
    }
}
