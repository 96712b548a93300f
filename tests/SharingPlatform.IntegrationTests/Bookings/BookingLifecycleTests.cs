using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

/// <summary>
/// Check-in, no-shows, completion and the no-show pause, with the app's clock moved forward: the settling job's use case
/// runs as the recurring job runs it, then people look through the API at real time again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BookingLifecycleTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private async Task<(VerifiedOrganization Organization, Guid ResourceId)> AroundTheClockAsync(bool requiresCheckIn)
    {
        var organization = await _app.VerifiedOrganizationAsync();
        return (organization, await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, requiresCheckIn)));
    }

    [Fact]
    public async Task Check_in_opens_fifteen_minutes_before_the_start_and_only_the_owner_side_checks_in()
    {
        var (organization, resourceId) = await AroundTheClockAsync(requiresCheckIn: true);
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();
        using var stranger = await _app.SignedInResidentAsync();
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(20));
        var bookingId = await booker.BookedAsync(resourceId, start, start.AddHours(1));

        var early = await organization.Owner.PostAsync($"/api/v1/bookings/{bookingId}/check-in", null);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.ProblemAsync()).GetProperty("code").GetString().ShouldBe("check_in_closed");

        using (_app.Clock.Travel(start.AddMinutes(-14) - _app.Clock.GetUtcNow()))
        {
            (await booker.PostAsync($"/api/v1/bookings/{bookingId}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await stranger.PostAsync($"/api/v1/bookings/{bookingId}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var checkedIn = await organization.Owner.PostAsync($"/api/v1/bookings/{bookingId}/check-in", null).ExpectAsync(HttpStatusCode.OK);
            checkedIn.GetProperty("status").GetString().ShouldBe("checkedIn");
            (await organization.Owner.PostAsync($"/api/v1/bookings/{bookingId}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await booker.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/cancel", new { reason = "늦게" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        using (_app.Clock.Travel(TimeSpan.FromHours(2)))
            await _app.SendAsync(new SettleBookings());

        var details = await booker.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}");
        details.GetProperty("status").GetString().ShouldBe("completed");
        details.GetProperty("history").EnumerateArray().Select(c => c.GetProperty("status").GetString())
            .ShouldBe(["confirmed", "checkedIn", "completed"]);
        details.GetProperty("history")[1].GetProperty("actorName").GetString().ShouldBe("김대표");
        details.GetProperty("history")[2].GetProperty("actorName").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_booking_not_checked_in_becomes_a_no_show_and_one_that_needs_no_check_in_is_completed()
    {
        var (needsCheckIn, strict) = await AroundTheClockAsync(requiresCheckIn: true);
        var (noCheckIn, relaxed) = await AroundTheClockAsync(requiresCheckIn: false);
        using var a = needsCheckIn;
        using var b = noCheckIn;
        using var booker = await _app.SignedInResidentAsync();
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(5));
        var missed = await booker.BookedAsync(strict, start, start.AddHours(2));
        var kept = await booker.BookedAsync(relaxed, start, start.AddHours(1));

        using (_app.Clock.Travel(start.AddMinutes(14) - _app.Clock.GetUtcNow()))
            await _app.SendAsync(new SettleBookings());
        (await booker.StatusOfAsync(missed)).ShouldBe("confirmed");

        using (_app.Clock.Travel(start.AddMinutes(15) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleBookings());
            await _app.SendAsync(new SettleBookings());
        }

        (await booker.StatusOfAsync(missed)).ShouldBe("noShow");
        (await booker.StatusOfAsync(kept)).ShouldBe("confirmed");

        // The released time is free again for someone else at once.
        using var next = await _app.SignedInResidentAsync();
        using (_app.Clock.Travel(start.AddMinutes(16) - _app.Clock.GetUtcNow()))
            (await next.BookAsync(strict, start.AddMinutes(30), start.AddHours(2))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using (_app.Clock.Travel(start.AddHours(1) - _app.Clock.GetUtcNow()))
            await _app.SendAsync(new SettleBookings());
        (await booker.StatusOfAsync(kept)).ShouldBe("completed");
        (await _app.QueryAsync(db => db.BookingChanges.CountAsync(c => c.BookingId == missed))).ShouldBe(2);
    }

    [Fact]
    public async Task Three_no_shows_pause_booking_for_thirty_days_until_an_administrator_lifts_it()
    {
        var (organization, resourceId) = await AroundTheClockAsync(requiresCheckIn: true);
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 3; i++)
            await booker.BookedAsync(resourceId, start.AddHours(i), start.AddHours(i + 1));

        // Two no-shows: not yet paused.
        using (_app.Clock.Travel(start.AddHours(1).AddMinutes(20) - _app.Clock.GetUtcNow()))
            (await _app.SendAsync(new SettleBookings())).PausesStarted.ShouldBe(0);
        (await booker.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("bookingPausedUntil").ValueKind.ShouldBe(JsonValueKind.Null);

        DateTimeOffset pausedAt;
        using (_app.Clock.Travel(start.AddHours(2).AddMinutes(20) - _app.Clock.GetUtcNow()))
        {
            pausedAt = _app.Clock.GetUtcNow();
            (await _app.SendAsync(new SettleBookings())).PausesStarted.ShouldBe(1);
        }

        var me = await booker.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("bookingPausedUntil").GetDateTimeOffset().ShouldBe(pausedAt.AddDays(30), TimeSpan.FromSeconds(5));
        var later = BookingClient.Next(DayOfWeek.Monday, 10);
        var refused = await booker.BookAsync(resourceId, later, later.AddHours(1));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("booking_paused");

        var bookerId = me.GetProperty("id").GetGuid();
        (await booker.PostAsJsonAsync($"/api/v1/admin/users/{bookerId}/lift-pause", new { reason = "사정 확인" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await _app.AdministratorAsync();
        var paused = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users/paused?pageSize=100");
        paused.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == bookerId)
            .GetProperty("noShowsIn90Days").GetInt32().ShouldBe(3);
        (await admin.PostAsJsonAsync($"/api/v1/admin/users/{bookerId}/lift-pause", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await admin.PostAsJsonAsync($"/api/v1/admin/users/{bookerId}/lift-pause", new { reason = "병원 진료 확인서 제출" }).ExpectAsync(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/admin/users/{bookerId}/lift-pause", new { reason = "다시" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await booker.BookAsync(resourceId, later, later.AddHours(1)).ExpectAsync(HttpStatusCode.Created);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?subjectId={bookerId}");
        audit.GetProperty("items")[0].GetProperty("reason").GetString().ShouldBe("병원 진료 확인서 제출");
    }

    [Fact]
    public async Task One_person_racing_ten_requests_against_a_cap_of_three_gets_exactly_three()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, maxActivePerPerson: 3));
        using var booker = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Tuesday, 9);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => booker.BookAsync(resourceId, start.AddHours(i), start.AddHours(i + 1))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("over_personal_cap");
        (await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId))).ShouldBe(3);
    }
}
