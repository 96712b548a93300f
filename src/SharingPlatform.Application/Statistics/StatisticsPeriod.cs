namespace SharingPlatform.Application.Statistics;

/// <summary>
/// The months the statistics cover: <c>from</c> and <c>to</c> are Seoul months (<c>2026-03</c>) or dates
/// (<c>2026-03-15</c>, read as its month), both included; without them, the twelve months up to this one.
/// </summary>
public static class StatisticsPeriod
{
    public const int MaxMonths = 36;

    /// <summary>Whether the text is absent (the default applies) or names a month.</summary>
    public static bool IsMonthOrDate(string? text) => string.IsNullOrWhiteSpace(text) || Parse(text) is not null;

    /// <summary>The first day of the month the text names, or null when it names none.</summary>
    public static DateOnly? Parse(string? text)
    {
        text = text?.Trim();
        DateOnly? month = null;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            month = first;
        else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            month = new DateOnly(date.Year, date.Month, 1);
        // Year 1 or 9999 is no month of the programme (and year 1 kept PostgreSQL generating days for 30 s).
        return month is { } known && Common.InputRules.CheckYear(known.Year) is null ? known : null;
    }

    /// <summary>The first days of the first and the last month.</summary>
    public static (DateOnly From, DateOnly To) Resolve(string? from, string? to, DateTimeOffset now)
    {
        var today = SeoulTime.DateOf(now);
        var last = Parse(to) ?? new DateOnly(today.Year, today.Month, 1);
        var first = Parse(from) ?? last.AddMonths(-11);
        return (first, last);
    }

    public static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
