namespace SharingPlatform.Application.Common;

/// <summary>
/// What no text or date that comes in may hold, wherever it comes from (a JSON body, a form, a query string): control
/// characters (NUL first of all: PostgreSQL cannot store it), lone surrogates (not text at all), and in single-line text
/// such as names and titles also line breaks, tabs and the bidirectional overrides and isolates that make
/// "gpj.exe" read as "exe.jpg". Multi-line text (descriptions, reasons, notes…) keeps its line breaks, tabs and bidi marks.
/// Dates and instants lie between 2000 and 2100: nothing in the programme happens outside, and year 1 or 9999 only
/// overflows the arithmetic of the calendar.
/// </summary>
public static class InputRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly string[] MultiLineEndings =
        ["Description", "SafetyRules", "Policy", "Reason", "Body", "Message", "Note", "Notes", "Purpose", "Agenda", "Details", "Comment", "Markdown"];

    /// <summary>Whether a property of this name holds text of several lines (a textarea), by the names the commands use.</summary>
    public static bool IsMultiLine(string propertyName) =>
        MultiLineEndings.Any(ending => propertyName.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

    /// <summary>Passwords are compared, never shown: bidi marks in them mislead nobody.</summary>
    private static bool IsSecret(string propertyName) =>
        propertyName.Contains("Password", StringComparison.OrdinalIgnoreCase) || propertyName.EndsWith("Token", StringComparison.OrdinalIgnoreCase);

    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The message for a text that breaks the rules, or null when it is fine.</summary>
    public static string? Check(string? text, string propertyName)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var multiLine = IsMultiLine(propertyName);
        var secret = IsSecret(propertyName);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                return Texts.Get("TextLoneSurrogate");
            if (c is '\n' or '\r' or '\t')
            {
                if (!multiLine)
                    return Texts.Get("TextOneLine");
                continue;
            }

            if (char.IsControl(c))
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return Texts.Get("TextControlCharacter", code);
            }

            if (!multiLine && !secret && IsBidiControl(c))
                return Texts.Get("TextBidiControl");
        }

        return null;
    }

    /// <summary>The message for a year outside 2000..2100, or null when it is fine.</summary>
    public static string? CheckYear(int year) =>
        year is >= MinYear and <= MaxYear
            ? null
            : Texts.Get("YearOutOfRange", MinYear, MaxYear);

    /// <summary>The message for a value of a date-like type outside 2000..2100, or null when it is fine (or not a date).</summary>
    public static string? CheckDate(object? value) => value switch
    {
        DateTimeOffset instant => CheckYear(instant.UtcDateTime.Year) ?? CheckYear(instant.Year),
        DateTime dateTime => CheckYear(dateTime.Year),
        DateOnly date => CheckYear(date.Year),
        _ => null,
    };
}
