using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Labs;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>
/// Fairness limits of labs, as resources have them: a booking horizon, a minimum notice and a cap of active sessions per
/// person (defaults 60 days, 60 minutes, 4), set by the lab's managers; and meetings at most a year ahead.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LabLimitsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task A_slot_at_the_end_of_time_or_beyond_sixty_days_is_refused_beyond_horizon()
    {
        using var lab = await _app.PublishedLabAsync();
        using var resident = (await _app.ResidentsAsync(1))[0];

        var limits = (await resident.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("bookingLimits");
        (limits.GetProperty("horizonDays").GetInt32(), limits.GetProperty("minNoticeMinutes").GetInt32(),
            limits.GetProperty("maxActiveSessionsPerPerson").GetInt32()).ShouldBe((60, 60, 4));

        (await resident.BookLabAsync(lab.Id, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.FromHours(9)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var far = (await resident.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(61))).StartsAt();
        await ShouldBeRefusedAsync(await resident.BookLabAsync(lab.Id, far), "beyond_horizon");
        var near = (await resident.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(59))).StartsAt();
        await resident.BookedLabAsync(lab.Id, near);
    }

    [Fact]
    public async Task A_slot_starting_within_the_notice_is_refused_too_little_notice()
    {
        using var lab = await _app.PublishedLabAsync();
        using var resident = (await _app.ResidentsAsync(1))[0];
        var soon = (await resident.NextSlotAsync(_app, lab.Id, TimeSpan.FromMinutes(1))).StartsAt();
        // The lab is closed at night, so the next slot may be many hours away: the notice asks for an hour more than that.
        var notice = (int)Math.Ceiling((soon - _app.Clock.GetUtcNow()).TotalMinutes) + 60;
        await lab.Manager.PutAsJsonAsync($"/api/v1/labs/{lab.Id}/booking-limits",
            new { horizonDays = 60, minNoticeMinutes = notice, maxActiveSessionsPerPerson = 4 }).ExpectAsync(HttpStatusCode.OK);

        await ShouldBeRefusedAsync(await resident.BookLabAsync(lab.Id, soon), "too_little_notice");
    }

    [Fact]
    public async Task Only_managers_set_the_limits_and_only_within_bounds()
    {
        using var lab = await _app.PublishedLabAsync();
        using var resident = (await _app.ResidentsAsync(1))[0];
        var url = $"/api/v1/labs/{lab.Id}/booking-limits";

        (await resident.PutAsJsonAsync(url, new { horizonDays = 365, minNoticeMinutes = 0, maxActiveSessionsPerPerson = 100 }))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        var invalid = await lab.Manager.PutAsJsonAsync(url, new { horizonDays = 0, minNoticeMinutes = -5, maxActiveSessionsPerPerson = 1000 });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.ProblemAsync()).GetProperty("errors");
        errors.TryGetProperty("horizonDays", out _).ShouldBeTrue();
        errors.TryGetProperty("minNoticeMinutes", out _).ShouldBeTrue();
        errors.TryGetProperty("maxActiveSessionsPerPerson", out _).ShouldBeTrue();

        var saved = await lab.Manager.PutAsJsonAsync(url, new { horizonDays = 14, minNoticeMinutes = 30, maxActiveSessionsPerPerson = 2 }).ExpectAsync(HttpStatusCode.OK);

        saved.GetProperty("bookingLimits").GetProperty("horizonDays").GetInt32().ShouldBe(14);
        var stored = (await resident.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("bookingLimits");
        (stored.GetProperty("horizonDays").GetInt32(), stored.GetProperty("minNoticeMinutes").GetInt32(),
            stored.GetProperty("maxActiveSessionsPerPerson").GetInt32()).ShouldBe((14, 30, 2));
    }

    [Fact]
    public async Task Ten_bookings_by_one_person_at_once_end_with_exactly_the_cap_of_four()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4);
        using var resident = (await _app.ResidentsAsync(1))[0];
        var from = _app.Clock.GetUtcNow().AddDays(1);
        var slots = (await resident.SlotsAsync(lab.Id, from, from.AddDays(2))).Take(10).Select(s => s.StartsAt()).ToList();
        slots.Count.ShouldBe(10);

        var answers = await Task.WhenAll(slots.Select(slot => resident.BookLabAsync(lab.Id, slot)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(4);
        answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(6);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.UnprocessableEntity))
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("over_personal_cap");
        (await _app.QueryAsync(db => db.LabBookings.CountAsync(b => b.LabId == lab.Id && b.Status == LabBookingStatus.Booked))).ShouldBe(4);
    }

    [Fact]
    public async Task A_meeting_more_than_a_year_ahead_is_refused_beyond_horizon()
    {
        using var host = await _app.SignedInResidentAsync();
        var circleId = await host.CreateCircleAsync();

        await ShouldBeRefusedAsync(await host.ScheduleAsync(circleId, _app.Clock.GetUtcNow().AddDays(400)), "beyond_horizon");
        (await host.ScheduleAsync(circleId, new DateTimeOffset(9999, 12, 30, 0, 0, 0, TimeSpan.Zero))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.ScheduleAsync(circleId, _app.Clock.GetUtcNow().AddDays(300))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
