using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

/// <summary>A client that retries with the same Idempotency-Key gets its first answer again and never a second booking.</summary>
[Collection(AppCollection.Name)]
public sealed class IdempotencyKeyTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static HttpRequestMessage Booking(Guid resourceId, DateTimeOffset start, string key, int attendees = 2)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new { resourceId, startsAt = start, endsAt = start.AddHours(1), attendees, purpose = "재시도" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<int> BookingsOfAsync(Guid resourceId) =>
        await _app.QueryAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId));

    private async Task<Guid> ResourceAsync()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        return await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
    }

    [Fact]
    public async Task The_same_key_and_request_again_returns_the_first_answer_marked_replayed_and_books_once()
    {
        var resource = await ResourceAsync();
        using var resident = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Thursday, 10, daysAhead: 8);
        var key = Guid.NewGuid().ToString();

        using var first = await resident.SendAsync(Booking(resource, start, key));
        using var again = await resident.SendAsync(Booking(resource, start, key));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        again.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        (await BookingsOfAsync(resource)).ShouldBe(1);

        // Without the key, the same request is a second attempt at the same period.
        (await resident.BookAsync(resource, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_changes_nothing()
    {
        var resource = await ResourceAsync();
        using var resident = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Thursday, 12, daysAhead: 8);
        var key = Guid.NewGuid().ToString();
        (await resident.SendAsync(Booking(resource, start, key))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var other = await resident.SendAsync(Booking(resource, start.AddHours(2), key));

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.ProblemAsync()).GetProperty("code").GetString().ShouldBe("idempotency_key_reused");
        (await BookingsOfAsync(resource)).ShouldBe(1);
    }

    [Fact]
    public async Task Twenty_racing_retries_with_one_key_make_one_booking_and_each_gets_it_or_is_told_to_wait()
    {
        var resource = await ResourceAsync();
        using var resident = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Friday, 10, daysAhead: 8);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => resident.SendAsync(Booking(resource, start, key))));

        (await BookingsOfAsync(resource)).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await answer.ProblemAsync()).GetProperty("code").GetString().ShouldBe("idempotency_key_in_progress");
        }

        var ids = new HashSet<string>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
            ids.Add((await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!);
        ids.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_their_person_a_refusal_is_not_kept_and_a_bad_key_is_refused()
    {
        var resource = await ResourceAsync();
        var residents = await _app.ResidentsAsync(2);
        var start = BookingClient.Next(DayOfWeek.Saturday, 10, daysAhead: 8);
        var key = Guid.NewGuid().ToString();

        (await residents[0].SendAsync(Booking(resource, start, key))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Another person's same key is theirs: their request runs, and the period is taken.
        using var taken = await residents[1].SendAsync(Booking(resource, start, key));
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await taken.ProblemAsync()).GetProperty("code").GetString().ShouldBe("period_taken");
        // That refusal was not kept: the same key runs again and may succeed when the request can.
        (await residents[1].SendAsync(Booking(resource, start.AddHours(3), key))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var bad = await residents[1].SendAsync(Booking(resource, start.AddHours(5), new string('k', 256)));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("idempotencyKey", out _).ShouldBeTrue();
        (await BookingsOfAsync(resource)).ShouldBe(2);
        foreach (var resident in residents)
            resident.Dispose();
    }
}
