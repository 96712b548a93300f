using SharingPlatform.Domain.Municipalities;

namespace SharingPlatform.Web.Pages.Resources;

/// <summary>
/// How the catalog pages (resources, organizations, review) put things into words in the page's language:
/// municipality names, enum names (<c>ResourceCategory_Space</c>), durations, Seoul times, fees, and the booking policy.
/// </summary>
public static class CatalogText
{
    public static readonly TimeSpan SeoulOffset = TimeSpan.FromHours(9);

    /// <summary>Monday first, as a Korean week is read.</summary>
    public static readonly DayOfWeek[] Week =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
        DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A municipality's name in the page's language (the one place that chooses between them).</summary>
    public static string MunicipalityName(Municipality municipality) => Texts.MunicipalityName(municipality.Code);

    public static string MunicipalityName(string code) => Texts.MunicipalityName(code);

    public static string Name<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"{typeof(T).Name}_{value}"];

    public static string Seoul(DateTimeOffset instant) =>
        SeoulTime.ToSeoul(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>90 → "1 h 30 min" in English; whole days as days.</summary>
    public static string Duration(this IStringLocalizer localizer, int minutes)
    {
        if (minutes == 0)
            return localizer["DurationMinutes", 0];
        string Part(string unit, int value) => localizer[value == 1 ? $"Duration{unit}" : $"Duration{unit}s", value];
        var parts = new List<string>();
        var days = minutes / (24 * 60);
        var hours = minutes % (24 * 60) / 60;
        var rest = minutes % 60;
        if (days > 0)
            parts.Add(Part("Day", days));
        if (hours > 0)
            parts.Add(Part("Hour", hours));
        if (rest > 0)
            parts.Add(Part("Minute", rest));
        return string.Join(' ', parts);
    }

    /// <summary>1234567890 → 123-45-67890, as the number is printed on the certificate.</summary>
    public static string BusinessNumber(string digits) =>
        digits.Length == 10 ? $"{digits[..3]}-{digits[3..5]}-{digits[5..]}" : digits;

    public static string Fee(this IStringLocalizer localizer, bool isFree, int? feePerHour) =>
        isFree || feePerHour is null
            ? localizer["FeeFree"]
            : localizer["FeePerHourValue", feePerHour.Value.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>The policy as sentences a resident reads: "at least 1 h, at most 4 h", "book 3 days ahead"…</summary>
    public static IReadOnlyList<string> PolicyInWords(this IStringLocalizer localizer, PolicyInput policy)
    {
        var lines = new List<string>
        {
            localizer["PolicyDurations", localizer.Duration(policy.MinMinutes), localizer.Duration(policy.MaxMinutes), localizer.Duration(policy.SlotMinutes)],
            policy.MinNoticeMinutes == 0
                ? localizer["PolicyNoNotice"]
                : localizer["PolicyNotice", localizer.Duration(policy.MinNoticeMinutes)],
            localizer["PolicyHorizon", policy.HorizonDays],
            policy.ApprovalMode == Domain.Resources.ApprovalMode.Automatic ? localizer["PolicyApprovalAutomatic"] : localizer["PolicyApprovalManual"],
        };
        if (policy.BufferMinutes > 0)
            lines.Add(localizer["PolicyBuffer", localizer.Duration(policy.BufferMinutes)]);
        if (policy.RequiresCheckIn)
            lines.Add(localizer["PolicyCheckIn"]);
        lines.Add(localizer["PolicyPerPerson", policy.MaxActivePerPerson]);
        return lines;
    }
}
