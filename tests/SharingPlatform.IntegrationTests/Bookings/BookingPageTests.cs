using System.Net;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web.Pages.Bookings;

namespace SharingPlatform.IntegrationTests.Bookings;

/// <summary>The booking page's refusals, as the person reads them: in the page's language, beside the field they are about.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingPageTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_series_names_its_taken_dates_and_too_many_people_are_refused_beside_the_attendees_and_nothing_is_booked()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var body = BookingClient.AroundTheClock(organization.Id);
        body["policy"]!["horizonDays"] = 120;
        var resourceId = await _app.PublishedResourceAsync(organization, body);
        using var other = await _app.SignedInResidentAsync();
        var email = $"page-booker-{Guid.NewGuid():N}@tests.sharing.example";
        using var booker = await _app.SignedInResidentAsync(email);
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        var first = BookingClient.Next(DayOfWeek.Thursday, 19);
        var taken = first.AddDays(14);
        await other.BookedAsync(resourceId, taken.AddHours(1), taken.AddHours(2));
        var path = $"/Bookings/New?resourceId={resourceId}&start={BookingText.Iso(first)}&culture=en";

        var series = await site.PostFormAsync(path, new Dictionary<string, string>
        {
            ["Input.EndsAt"] = BookingText.Iso(first.AddHours(2)),
            ["Input.Attendees"] = "2",
            ["Input.Occurrences"] = "4",
            ["Input.Mode"] = "AllOrNothing",
        });
        series.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await series.Content.ReadAsStringAsync())
            .ShouldContain($"Some dates are taken, so nothing was booked: {DateOnly.FromDateTime(taken.DateTime):yyyy-MM-dd} (Thu).");

        var crowd = await site.PostFormAsync(path, new Dictionary<string, string>
        {
            ["Input.EndsAt"] = BookingText.Iso(first.AddHours(2)),
            ["Input.Attendees"] = "999",
            ["Input.Occurrences"] = "1",
        });
        crowd.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await crowd.Content.ReadAsStringAsync()).ShouldContain(
            "<div id=\"Input_Attendees-error\" class=\"invalid-feedback d-block\"><span class=\"d-block\"><span class=\"visually-hidden\">Error: </span>The resource takes at most 10 people.</span></div>");

        (await booker.GetAsync("/api/v1/bookings/mine").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
