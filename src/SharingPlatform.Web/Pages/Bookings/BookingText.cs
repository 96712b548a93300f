namespace SharingPlatform.Web.Pages.Bookings;

/// <summary>
/// How the booking pages put times into words, in Asia/Seoul and the page's language: "Sat 5 Dec 14:00" (the Korean
/// form is DayFormat in Resources/Messages.resx), a booking's period "2026-12-05 (Sat) 14:00–16:00", and the site's wording of a refusal.
/// </summary>
public static class BookingText
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static CultureInfo Culture => CatalogText.English ? English : Korean;

    /// <summary>"Sat 5 Dec" in English, as DayFormat in Resources/Messages.resx writes it.</summary>
    public static string Day(DateOnly date) =>
        Texts.Get(CatalogText.English ? Language.English : Language.Korean, "DayFormat", date);

    /// <summary>"Sat 5 Dec 14:00" in English.</summary>
    public static string DayAndTime(DateTimeOffset instant) =>
        $"{Day(SeoulTime.DateOf(instant))} {Time(instant)}";

    /// <summary>"14:00" in Seoul.</summary>
    public static string Time(DateTimeOffset instant) =>
        SeoulTime.ToSeoul(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-05 (Sat)", the day's name in the page's language.</summary>
    public static string Date(DateOnly date) =>
        $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({date.ToString("ddd", Culture)})";

    /// <summary>A booking's time: "2026-12-05 (Sat) 14:00–16:00", with the end's date when it ends on another day.</summary>
    public static string Period(DateTimeOffset start, DateTimeOffset end)
    {
        var startDate = SeoulTime.DateOf(start);
        var endDate = SeoulTime.DateOf(end);
        var endsAtMidnight = SeoulTime.ToSeoul(end).TimeOfDay == TimeSpan.Zero && endDate == startDate.AddDays(1);
        var endText = endDate == startDate ? Time(end)
            : endsAtMidnight ? "24:00"
            : $"{Date(endDate)} {Time(end)}";
        return $"{Date(startDate)} {Time(start)}–{endText}";
    }

    /// <summary>"2026-12-05 14:00", for instants in tables (the history, the pauses).</summary>
    public static string Instant(DateTimeOffset instant) => CatalogText.Seoul(instant);

    /// <summary>An instant as it travels in a link: ISO 8601 in UTC, e.g. <c>2026-12-05T05:00:00Z</c>.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseIso(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    /// <summary>The Monday (Seoul) of the week <paramref name="date"/> is in.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The holding statuses: the booking still has its time.</summary>
    public static bool IsHolding(BookingStatus status) => status is BookingStatus.Pending or BookingStatus.Confirmed;
}
