using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

[Collection(AppCollection.Name)]
public sealed class BookingSeriesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static Task<HttpResponseMessage> SeriesAsync(HttpClient client, Guid resourceId, DateTimeOffset start, int occurrences, string mode) =>
        client.PostAsJsonAsync("/api/v1/bookings/series",
            new { resourceId, startsAt = start, endsAt = start.AddHours(2), occurrences, attendees = 6, purpose = "협동조합 회계 공부 모임", mode });

    private async Task<(VerifiedOrganization Organization, Guid ResourceId)> PublishedAsync()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        var body = BookingClient.AroundTheClock(organization.Id);
        body["policy"]!["horizonDays"] = 120;
        return (organization, await _app.PublishedResourceAsync(organization, body));
    }

    [Fact]
    public async Task All_or_nothing_refuses_the_whole_series_naming_the_taken_date_and_leaves_nothing_behind()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var other = await _app.SignedInResidentAsync();
        using var host = await _app.SignedInResidentAsync();
        var first = BookingClient.Next(DayOfWeek.Thursday, 19);
        await other.BookedAsync(resourceId, first.AddDays(21).AddHours(1), first.AddDays(21).AddHours(2));

        var refused = await SeriesAsync(host, resourceId, first, 8, "allOrNothing");

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.ProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe("period_taken");
        problem.GetProperty("conflictingDates").EnumerateArray().Select(d => d.GetString())
            .ShouldBe([DateOnly.FromDateTime(first.AddDays(21).DateTime).ToString("yyyy-MM-dd")]);
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId))).ShouldBe(1);
    }

    [Fact]
    public async Task Skipping_books_every_free_week_and_lists_the_taken_ones()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var other = await _app.SignedInResidentAsync();
        using var host = await _app.SignedInResidentAsync();
        var first = BookingClient.Next(DayOfWeek.Friday, 18);
        await other.BookedAsync(resourceId, first.AddDays(7), first.AddDays(7).AddHours(1));
        await other.BookedAsync(resourceId, first.AddDays(28).AddHours(1), first.AddDays(28).AddHours(3));

        var series = await SeriesAsync(host, resourceId, first, 12, "skipTaken").ExpectAsync(HttpStatusCode.Created);

        series.GetProperty("bookings").GetArrayLength().ShouldBe(10);
        series.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("startsAt").GetDateTimeOffset())
            .ShouldAllBe(s => s.DayOfWeek == first.DayOfWeek);
        var skipped = series.GetProperty("skipped").EnumerateArray().ToList();
        skipped.Select(s => s.GetProperty("startsAt").GetDateTimeOffset()).ShouldBe([first.AddDays(7), first.AddDays(28)]);
        skipped.ShouldAllBe(s => s.GetProperty("code").GetString() == "period_taken");
        skipped.ShouldAllBe(s => s.GetProperty("message").GetString() == "그 시간은 이미 예약되었습니다. 다른 시간을 고르세요.");
        var seriesId = series.GetProperty("seriesId").GetGuid();
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.SeriesId == seriesId))).ShouldBe(10);
    }

    [Fact]
    public async Task Eight_residents_racing_for_the_same_weeks_in_skip_mode_hold_each_week_once_and_each_gets_an_answer()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        var residents = await _app.ResidentsAsync(8);
        var first = BookingClient.Next(DayOfWeek.Tuesday, 15);

        // All read the weeks as free at about the same time; the later inserts meet the exclusion constraint, week by
        // week, and a series that skips goes on past each of them in the same transaction.
        var responses = await Task.WhenAll(residents.Select(client => SeriesAsync(client, resourceId, first, 4, "skipTaken")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("series_nothing_booked");
        var held = await _app.QueryAsync(db => db.Bookings.Where(b => b.ResourceId == resourceId).Select(b => b.StartsAt).ToListAsync());
        held.Order().ShouldBe(Enumerable.Range(0, 4).Select(week => first.AddDays(7 * week).ToUniversalTime()));
        var booked = 0;
        foreach (var created in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
            booked += (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookings").GetArrayLength();
        booked.ShouldBe(4);
        foreach (var client in residents)
            client.Dispose();
    }

    [Fact]
    public async Task Cancelling_the_rest_of_a_series_frees_that_week_and_every_later_one_but_not_earlier_ones()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var host = await _app.SignedInResidentAsync();
        var first = BookingClient.Next(DayOfWeek.Saturday, 10);
        var series = await SeriesAsync(host, resourceId, first, 4, "allOrNothing").ExpectAsync(HttpStatusCode.Created);
        var ids = series.GetProperty("bookings").EnumerateArray().Select(b => b.Id()).ToList();

        (await host.PostAsJsonAsync($"/api/v1/bookings/{ids[0]}/cancel", new { reason = "첫 주 휴강" }).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("cancelled");
        var cancelled = await host.PostAsJsonAsync($"/api/v1/bookings/{ids[2]}/cancel-rest-of-series", new { reason = "모임 종료" })
            .ExpectAsync(HttpStatusCode.OK);

        cancelled.EnumerateArray().Select(b => b.Id()).ShouldBe([ids[2], ids[3]]);
        (await host.StatusOfAsync(ids[1])).ShouldBe("confirmed");
        (await host.StatusOfAsync(ids[3])).ShouldBe("cancelled");
        using var next = await _app.SignedInResidentAsync();
        await next.BookedAsync(resourceId, first.AddDays(21), first.AddDays(21).AddHours(2));
    }

    [Fact]
    public async Task A_series_counts_once_towards_the_personal_cap_and_is_refused_beyond_twelve_weeks()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var body = BookingClient.AroundTheClock(organization.Id, maxActivePerPerson: 1);
        body["policy"]!["horizonDays"] = 120;
        var resourceId = await _app.PublishedResourceAsync(organization, body);
        using var host = await _app.SignedInResidentAsync();
        var first = BookingClient.Next(DayOfWeek.Sunday, 13);

        (await SeriesAsync(host, resourceId, first, 13, "allOrNothing")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await SeriesAsync(host, resourceId, first, 6, "allOrNothing").ExpectAsync(HttpStatusCode.Created);
        var second = await host.BookAsync(resourceId, first.AddHours(3), first.AddHours(4));
        (await second.ProblemAsync()).GetProperty("code").GetString().ShouldBe("over_personal_cap");
    }

    [Fact]
    public async Task The_owner_approves_a_requested_series_from_one_week_on_in_one_go()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var body = BookingClient.AroundTheClock(organization.Id);
        body["policy"]!["approvalMode"] = "manual";
        body["policy"]!["horizonDays"] = 120;
        var resourceId = await _app.PublishedResourceAsync(organization, body);
        using var host = await _app.SignedInResidentAsync();
        var series = await SeriesAsync(host, resourceId, BookingClient.Next(DayOfWeek.Monday, 19), 4, "allOrNothing").ExpectAsync(HttpStatusCode.Created);
        var ids = series.GetProperty("bookings").EnumerateArray().Select(b => b.Id()).ToList();
        series.GetProperty("bookings").EnumerateArray().ShouldAllBe(b => b.GetProperty("status").GetString() == "pending");

        (await host.PostAsync($"/api/v1/bookings/{ids[1]}/approve-rest-of-series", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var approved = await organization.Owner.PostAsync($"/api/v1/bookings/{ids[1]}/approve-rest-of-series", null).ExpectAsync(HttpStatusCode.OK);

        approved.EnumerateArray().Select(b => b.Id()).ShouldBe(ids[1..]);
        (await host.StatusOfAsync(ids[0])).ShouldBe("pending");
        (await host.StatusOfAsync(ids[3])).ShouldBe("confirmed");
        (await organization.Owner.PostAsync($"/api/v1/bookings/{ids[2]}/approve-rest-of-series", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
