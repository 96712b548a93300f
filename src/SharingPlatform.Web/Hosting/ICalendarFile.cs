using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace SharingPlatform.Web.Hosting;

/// <summary>Calendar entries as an iCalendar (RFC 5545) text: the personal feed and a single booking's file.</summary>
public static class ICalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CalendarEntry> entries, string? name = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Jeonbuk SharingPlatform//KO" };
        if (name is not null)
            calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Seoul");
        foreach (var entry in entries)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Title,
                Location = entry.Location,
                Description = string.IsNullOrWhiteSpace(entry.Description) ? entry.Link : $"{entry.Description}\n{entry.Link}",
                Url = new Uri(entry.Link),
                DtStart = entry.AllDay ? SeoulDay(entry.StartsAt) : new CalDateTime(entry.StartsAt.UtcDateTime, "UTC"),
                DtEnd = entry.AllDay ? SeoulDay(entry.EndsAt) : new CalDateTime(entry.EndsAt.UtcDateTime, "UTC"),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime SeoulDay(DateTimeOffset at)
    {
        var day = SeoulTime.DateOf(at);
        return new CalDateTime(day.Year, day.Month, day.Day);
    }
}
