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

            return Results.Text(ICalendarFile.Write(feed.Entries, Texts.Get(Language.Korean, "CalendarName", feed.OwnerName)), ICalendarFile.ContentType);
        }).WithTags("Calendar").ExcludeFromDescription();
}
