using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace SharingPlatform.Web.Api;

public static class CalendarEndpoints
{
    /// <summary>The personal iCalendar feed behind a secret link: anyone holding the link reads it, nobody else finds it.</summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, ISender sender, CancellationToken ct) =>
        {
            CalendarFeed feed;
            try
            {
                feed = await sender.Send(new GetCalendarFeed(token), ct);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }

            var calendar = new Ical.Net.Calendar { ProductId = "-//Jeonbuk SharingPlatform//KO" };
            calendar.AddProperty("X-WR-CALNAME", Texts.Get(Language.Korean, "CalendarName", feed.OwnerName));
            calendar.AddProperty("X-WR-TIMEZONE", "Asia/Seoul");
            foreach (var entry in feed.Entries)
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

            return Results.Text(new CalendarSerializer().SerializeToString(calendar), "text/calendar; charset=utf-8");
        }).WithTags("Calendar").ExcludeFromDescription();

    private static CalDateTime SeoulDay(DateTimeOffset at)
    {
        var day = SeoulTime.DateOf(at);
        return new CalDateTime(day.Year, day.Month, day.Day);
    }
}
