using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

[Collection(AppCollection.Name)]
public sealed class CreateBookingTests(SharedApp shared)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private readonly AppFactory _app = shared.Factory;

    /// <summary>A Wednesday at least three days ahead, at <paramref name="hour"/>:<paramref name="minute"/> in Seoul.</summary>
    private static DateTimeOffset Wednesday(int hour, int minute = 0)
    {
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Kst).DateTime).AddDays(3);
        while (day.DayOfWeek != DayOfWeek.Wednesday)
            day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Kst);
    }

    private async Task<(VerifiedOrganization Organization, Guid ResourceId)> PublishedAsync(int bufferMinutes = 0)
    {
        var organization = await _app.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id);
        body["policy"]!["bufferMinutes"] = bufferMinutes;
        return (organization, await _app.PublishedResourceAsync(organization, body));
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, Guid resourceId, DateTimeOffset start, DateTimeOffset end, int attendees = 4) =>
        client.PostAsJsonAsync("/api/v1/bookings", new { resourceId, startsAt = start, endsAt = end, attendees, purpose = "동아리 모임" });

    [Fact]
    public async Task Fifty_residents_racing_for_overlapping_periods_leave_exactly_one_booking()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        var residents = await _app.ResidentsAsync(50);

        // Every requested period contains 11:00–11:30, so any two of them overlap.
        var responses = await Task.WhenAll(residents.Select((client, i) =>
            BookAsync(client, resourceId, Wednesday(10).AddMinutes(i % 3 * 30), Wednesday(12).AddMinutes(i % 4 * 30))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Count.ShouldBe(49);
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        foreach (var response in refused)
            (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("period_taken");
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId))).ShouldBe(1);
        foreach (var client in residents)
            client.Dispose();
    }

    [Fact]
    public async Task Twenty_residents_asking_for_twenty_different_free_slots_all_get_them()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        var residents = await _app.ResidentsAsync(20);

        // 09:00–18:00 holds nine one-hour slots a day: spread twenty over three Wednesdays.
        var responses = await Task.WhenAll(residents.Select((client, i) =>
        {
            var start = Wednesday(9 + i % 9).AddDays(7 * (i / 9));
            return BookAsync(client, resourceId, start, start.AddHours(1));
        }));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId))).ShouldBe(20);
        foreach (var client in residents)
            client.Dispose();
    }

    [Fact]
    public async Task The_buffer_keeps_the_next_booking_away_but_touching_periods_without_buffer_do_not_overlap()
    {
        var (withBuffer, buffered) = await PublishedAsync(bufferMinutes: 30);
        var (withoutBuffer, plain) = await PublishedAsync();
        using var a = withBuffer;
        using var b = withoutBuffer;
        using var first = await _app.SignedInResidentAsync();
        using var second = await _app.SignedInResidentAsync();

        (await BookAsync(first, buffered, Wednesday(10), Wednesday(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BookAsync(second, buffered, Wednesday(11), Wednesday(12))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await BookAsync(second, buffered, Wednesday(11, 30), Wednesday(12, 30))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await BookAsync(first, plain, Wednesday(10), Wednesday(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BookAsync(second, plain, Wednesday(11), Wednesday(12))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_manual_resource_answers_pending_and_a_cancellation_frees_the_time_at_once()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();
        using var next = await _app.SignedInResidentAsync();

        var created = await BookAsync(booker, resourceId, Wednesday(14), Wednesday(16));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>();
        booking.GetProperty("status").GetString().ShouldBe("pending");
        booking.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(Wednesday(14));
        var taken = await BookAsync(next, resourceId, Wednesday(15), Wednesday(16));
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await taken.ProblemAsync()).GetProperty("code").GetString().ShouldBe("period_taken");

        using var stranger = await _app.SignedInResidentAsync();
        (await stranger.PostAsJsonAsync($"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/cancel", new { reason = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var cancelled = await booker.PostAsJsonAsync($"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/cancel", new { reason = "일정 변경" });
        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("cancelled");

        (await BookAsync(next, resourceId, Wednesday(15), Wednesday(16))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var mine = await booker.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine");
        mine.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task My_bookings_and_the_owners_incoming_list_count_every_booking_past_the_first_page()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();
        foreach (var hour in new[] { 14, 10, 12 })
            (await BookAsync(booker, resourceId, Wednesday(hour), Wednesday(hour + 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        static DateTimeOffset[] Starts(JsonElement page) =>
            [.. page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("startsAt").GetDateTimeOffset())];
        var first = await booker.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine?when=upcoming&page=1&pageSize=2");
        Starts(first).ShouldBe([Wednesday(10), Wednesday(12)]);
        first.GetProperty("totalCount").GetInt32().ShouldBe(3);
        first.GetProperty("items")[0].GetProperty("resourceTitle").GetString().ShouldBe("소회의실 대여");
        var second = await booker.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine?when=upcoming&page=2&pageSize=2");
        Starts(second).ShouldBe([Wednesday(14)]);
        second.GetProperty("totalCount").GetInt32().ShouldBe(3);

        var incoming = await owner.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/incoming?resourceId={resourceId}&page=1&pageSize=2");
        Starts(incoming).ShouldBe([Wednesday(10), Wednesday(12)]);
        incoming.GetProperty("totalCount").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData(13, 0, 13, 30, "too_short")]
    [InlineData(9, 0, 14, 0, "too_long")]
    [InlineData(9, 15, 10, 15, "off_slot")]
    [InlineData(17, 0, 19, 0, "outside_opening_hours")]
    public async Task A_booking_that_breaks_a_policy_rule_is_refused_with_its_code(int fromHour, int fromMinute, int toHour, int toMinute, string code)
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();

        var response = await BookAsync(booker, resourceId, Wednesday(fromHour, fromMinute), Wednesday(toHour, toMinute));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe(code);
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId))).ShouldBe(0);
    }

    [Fact]
    public async Task Too_many_attendees_too_little_notice_and_an_unpublished_resource_are_refused()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();

        var crowd = await BookAsync(booker, resourceId, Wednesday(10), Wednesday(11), attendees: 11);
        (await crowd.ProblemAsync()).GetProperty("code").GetString().ShouldBe("over_capacity");
        var soon = DateTimeOffset.UtcNow.AddMinutes(10);
        var hurry = await BookAsync(booker, resourceId, soon, soon.AddHours(1));
        hurry.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await hurry.ProblemAsync()).GetProperty("detail").GetString().ShouldBe("시작 1시간 전까지만 예약할 수 있습니다.");

        var draft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "비공개 초안"));
        (await BookAsync(booker, draft, Wednesday(10), Wednesday(11))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId || b.ResourceId == draft))).ShouldBe(0);
    }

    [Fact]
    public async Task A_refusal_speaks_the_callers_language_and_names_the_rules_value()
    {
        var (organization, resourceId) = await PublishedAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();

        var korean = await BookAsync(booker, resourceId, Wednesday(13), Wednesday(13, 30));
        (await korean.ProblemAsync()).GetProperty("detail").GetString().ShouldBe("최소 1시간 이상 예약해야 합니다.");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new { resourceId, startsAt = Wednesday(13), endsAt = Wednesday(13, 30), attendees = 2, purpose = "" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await booker.SendAsync(request);
        var problem = await english.ProblemAsync();
        problem.GetProperty("detail").GetString().ShouldBe("A booking lasts at least 1 hour.");
        problem.GetProperty("code").GetString().ShouldBe("too_short");
    }
}
