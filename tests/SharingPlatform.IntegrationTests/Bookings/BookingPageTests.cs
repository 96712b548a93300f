using System.Net;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web.Pages.Bookings;

namespace SharingPlatform.IntegrationTests.Bookings;

/// <summary>The booking page's refusals, as the person reads them: in the page's language, beside the field they are about.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingPageTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    /// <summary>"My bookings" says until when a person paused after no-shows may not book, and nothing once that has passed.</summary>
    [Fact]
    public async Task My_bookings_says_until_when_a_paused_person_may_not_book_and_nothing_after()
    {
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);
        var until = _app.Clock.GetUtcNow().AddDays(10);
        await _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE users SET booking_paused_until = {until} WHERE id = {person.Id}"));

        var notice = $"{SharingPlatform.Web.Pages.Resources.CatalogText.Seoul(until)}까지 예약과 대여를 할 수 없습니다";
        WebUtility.HtmlDecode(await site.GetStringAsync("/Bookings/Mine")).ShouldContain(notice);
        using (_app.Clock.Travel(TimeSpan.FromDays(11)))
            WebUtility.HtmlDecode(await site.GetStringAsync("/Bookings/Mine")).ShouldNotContain("예약과 대여를 할 수 없습니다");
    }

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

    [Fact]
    public async Task A_new_booking_says_what_happens_next_and_gives_its_calendar_event_to_the_booker_only()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = $"캘린더 회의실 {Guid.NewGuid():N}"[..14];
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, requiresCheckIn: true, title: title));
        var email = $"ics-booker-{Guid.NewGuid():N}@tests.sharing.example";
        using var booker = await _app.SignedInResidentAsync(email);
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        var start = BookingClient.Next(DayOfWeek.Tuesday, 10);

        var booked = await site.PostFormAsync($"/Bookings/New?resourceId={resourceId}&start={BookingText.Iso(start)}", new Dictionary<string, string>
        {
            ["Input.EndsAt"] = BookingText.Iso(start.AddHours(2)),
            ["Input.Attendees"] = "2",
            ["Input.Occurrences"] = "1",
        });
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = booked.Headers.Location!.OriginalString;
        var bookingId = Guid.Parse(page.Split('/')[^1]);

        var text = WebUtility.HtmlDecode(await (await site.GetAsync(page)).Content.ReadAsStringAsync());
        text.ShouldContain("예약이 확정되었습니다.");
        text.ShouldContain("다음 순서");
        text.ShouldContain("이용 하루 전과 한 시간 전에 알림을 보내 드립니다.");
        text.ShouldContain("시작 15분 뒤까지 체크인하세요");
        text.ShouldNotContain("담당 단체가 요청을 확인하면");
        text.ShouldContain($"{page}?handler=Calendar");

        var file = await site.GetAsync($"{page}?handler=Calendar");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        file.Content.Headers.ContentDisposition!.FileName.ShouldBe($"booking-{bookingId}.ics");
        var calendar = await file.Content.ReadAsStringAsync();
        calendar.ShouldContain($"UID:booking-{bookingId}@sharingplatform");
        calendar.ShouldContain($"SUMMARY:{title}");
        calendar.ShouldContain($"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss}Z");
        calendar.ShouldContain($"DTEND:{start.AddHours(2).UtcDateTime:yyyyMMdd'T'HHmmss}Z");

        var otherEmail = $"ics-other-{Guid.NewGuid():N}@tests.sharing.example";
        using var other = await _app.SignedInResidentAsync(otherEmail);
        using var otherSite = _app.NewClient(followRedirects: false);
        await otherSite.SignInAsync(otherEmail, ApiClient.Password);
        (await otherSite.GetAsync($"{page}?handler=Calendar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_owner_opens_today_s_arrivals_from_the_incoming_page_and_checks_one_in()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, requiresCheckIn: true));
        using var booker = await _app.SignedInResidentAsync();
        var arrival = BookingClient.Next(DayOfWeek.Wednesday, 10);
        var arriving = await booker.BookedAsync(resourceId, arrival, arrival.AddHours(1));
        await booker.BookedAsync(resourceId, arrival.AddDays(1), arrival.AddDays(1).AddHours(1));
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(organization.OwnerEmail, ApiClient.Password);

        using (_app.Clock.Travel(arrival.AddMinutes(-10) - _app.Clock.GetUtcNow()))
        {
            var incoming = WebUtility.HtmlDecode(await site.GetStringAsync("/Bookings/Incoming"));
            incoming.ShouldContain("aria-current=\"page\" href=\"/Bookings/Incoming\">확인할 요청</a>");
            var today = $"/Bookings/Incoming?status=all&date={arrival:yyyy-MM-dd}";
            incoming.ShouldContain($"href=\"{today}\">오늘 이용</a>");

            var arrivals = WebUtility.HtmlDecode(await site.GetStringAsync(today));
            arrivals.ShouldContain($"aria-current=\"page\" href=\"{today}\">오늘 이용</a>");
            arrivals.ShouldContain(BookingText.Period(arrival, arrival.AddHours(1)));
            arrivals.ShouldNotContain(BookingText.Period(arrival.AddDays(1), arrival.AddDays(1).AddHours(1)));

            var checkedIn = await site.PostFormAsync($"{today}&handler=CheckIn", new Dictionary<string, string> { ["id"] = arriving.ToString() });
            checkedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == arriving).Select(b => b.Status).SingleAsync())).ShouldBe(BookingStatus.CheckedIn);
    }

    [Fact]
    public async Task A_member_of_two_organizations_filters_incoming_bookings_by_the_resources_of_both_and_of_no_other()
    {
        using var first = await _app.VerifiedOrganizationAsync();
        using var second = await _app.VerifiedOrganizationAsync();
        using var other = await _app.VerifiedOrganizationAsync();
        var ours = await first.Owner.CreateResourceAsync(CatalogClient.ResourceBody(first.Id, "첫째 조합 회의실"));
        var theirs = await second.Owner.CreateResourceAsync(CatalogClient.ResourceBody(second.Id, "둘째 조합 강당"));
        var notOurs = await other.Owner.CreateResourceAsync(CatalogClient.ResourceBody(other.Id, "다른 조합 공방"));
        await second.Owner.AddMemberAsync(second.Id, first.Owner, first.OwnerEmail);
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(first.OwnerEmail, ApiClient.Password);

        var incoming = WebUtility.HtmlDecode(await site.GetStringAsync("/Bookings/Incoming"));

        var secondAt = incoming.IndexOf($"value=\"{theirs}\"", StringComparison.Ordinal);
        var firstAt = incoming.IndexOf($"value=\"{ours}\"", StringComparison.Ordinal);
        secondAt.ShouldBeGreaterThan(0);
        firstAt.ShouldBeGreaterThan(secondAt, "by title: 둘째 before 첫째");
        incoming.ShouldNotContain(notOurs.ToString());
    }

    [Fact]
    public async Task The_resource_page_shows_four_weeks_of_free_days_and_lists_a_chosen_day_s_free_starts()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "네 주 회의실"));
        using var booker = await _app.SignedInResidentAsync();
        var wednesday = BookingClient.Next(DayOfWeek.Wednesday, 10);
        await booker.BookedAsync(resourceId, wednesday, wednesday.AddHours(2));
        var day = DateOnly.FromDateTime(wednesday.DateTime);
        var monday = day.AddDays(-2);
        using var anonymous = _app.NewClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Resources/Details/{resourceId}?week={monday:yyyy-MM-dd}&day={day:yyyy-MM-dd}"));
        var grid = page[page.IndexOf("class=\"table table-bordered table-sm four-weeks\"", StringComparison.Ordinal)..page.IndexOf("id=\"day-slots\"", StringComparison.Ordinal)];
        grid.ShouldContain($"{monday:yyyy-MM-dd} (월)부터 4주");
        grid.Split("<td class=\"day day-closed").Length.ShouldBe(5, "four Sundays closed");
        grid.ShouldContain($"aria-current=\"date\" href=\"/Resources/Details/{resourceId}?week={monday:yyyy-MM-dd}&day={day:yyyy-MM-dd}#day-slots\"");

        var list = page[page.IndexOf("id=\"day-slots\"", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</section>", StringComparison.Ordinal)];
        var dayName = BookingText.Day(day);
        list.ShouldContain($"{dayName} 예약 가능한 시간");
        list.ShouldContain($"aria-label=\"{dayName} 09:00 예약하기\"");
        list.ShouldContain($"aria-label=\"{dayName} 12:00 예약하기\"");
        list.ShouldNotContain($"aria-label=\"{dayName} 10:00 예약하기\"");
        list.ShouldNotContain($"aria-label=\"{dayName} 11:30 예약하기\"");
    }

    [Fact]
    public async Task On_a_phone_the_whole_week_folds_below_the_day_s_list_unless_the_week_s_own_links_asked_for_it()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "접는 주 회의실"));
        var day = DateOnly.FromDateTime(BookingClient.Next(DayOfWeek.Wednesday, 10).DateTime);
        var monday = day.AddDays(-2);
        using var anonymous = _app.NewClient();

        async Task<string> WeekFold(string query)
        {
            var page = await anonymous.GetStringAsync($"/Resources/Details/{resourceId}{query}");
            var fold = page[page.IndexOf("<details class=\"week-fold\"", StringComparison.Ordinal)..];
            fold[..fold.IndexOf('>')].ShouldContain("open");
            fold.ShouldContain("class=\"table table-bordered table-sm week-calendar\"");
            return fold[..fold.IndexOf('>')];
        }

        (await WeekFold("")).ShouldContain("data-fold-on-phone");
        (await WeekFold($"?week={monday:yyyy-MM-dd}&day={day:yyyy-MM-dd}")).ShouldContain("data-fold-on-phone", customMessage: "a day chosen in the four weeks");
        (await WeekFold($"?week={monday.AddDays(7):yyyy-MM-dd}")).ShouldNotContain("data-fold-on-phone", customMessage: "the next week's link");
    }
}
