using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Circles;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Circles;

/// <summary>What hosts and members do with circles and meetings through the API, and the builders the circle tests share.</summary>
public static class CircleClient
{
    public static JsonObject CircleBody(string title = "공유경제 입문 스터디", int memberCap = 50, string joinPolicy = "open", string municipality = "jeonju") => new()
    {
        ["title"] = title,
        ["topics"] = new JsonArray("공유경제", "협동조합"),
        ["description"] = "공유경제의 기초를 함께 읽고 토론합니다.",
        ["municipality"] = municipality,
        ["memberCap"] = memberCap,
        ["joinPolicy"] = joinPolicy,
    };

    public static Task<Guid> CreateCircleAsync(this HttpClient host, JsonObject? body = null) =>
        CatalogClient.CreatedIdAsync(host.PostAsJsonAsync("/api/v1/circles", body ?? CircleBody()));

    public static Task<HttpResponseMessage> JoinAsync(this HttpClient client, Guid circleId) => client.PostAsync($"/api/v1/circles/{circleId}/join", null);

    public static Task<HttpResponseMessage> ScheduleAsync(
        this HttpClient host, Guid circleId, DateTimeOffset start, int capacity = 5, TimeSpan? length = null, string title = "3주차 모임") =>
        host.PostAsJsonAsync($"/api/v1/circles/{circleId}/meetings", new
        {
            title,
            agenda = "2장 읽고 토론",
            startsAt = start,
            endsAt = start + (length ?? TimeSpan.FromHours(2)),
            place = "전주 공유센터 2층",
            capacity,
        });

    public static Task<Guid> ScheduledAsync(this HttpClient host, Guid circleId, DateTimeOffset start, int capacity = 5, TimeSpan? length = null, string title = "3주차 모임") =>
        CatalogClient.CreatedIdAsync(host.ScheduleAsync(circleId, start, capacity, length, title));

    public static Task<HttpResponseMessage> RsvpAsync(this HttpClient client, Guid meetingId) => client.PostAsync($"/api/v1/meetings/{meetingId}/rsvp", null);

    public static Task<HttpResponseMessage> CancelRsvpAsync(this HttpClient client, Guid meetingId) => client.DeleteAsync($"/api/v1/meetings/{meetingId}/rsvp");

    public static Task<JsonElement> MeetingAsync(this HttpClient client, Guid meetingId) =>
        client.GetAsync($"/api/v1/meetings/{meetingId}").ExpectAsync(HttpStatusCode.OK);

    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;

    public static int? Position(this JsonElement answer) =>
        answer.GetProperty("position").ValueKind == JsonValueKind.Null ? null : answer.GetProperty("position").GetInt32();

    /// <summary>A circle (open, room for 50) whose host and <paramref name="members"/> members are signed in.</summary>
    public static async Task<(Person Host, Guid CircleId, Person[] Members)> CircleWithMembersAsync(this AppFactory app, int members, JsonObject? body = null)
    {
        var host = await app.PersonAsync(displayName: "김운영");
        var circleId = await host.Client.CreateCircleAsync(body);
        var people = members == 0 ? [] : await app.PeopleAsync(members, displayName: "이회원");
        foreach (var person in people)
            await person.Client.JoinAsync(circleId).ExpectAsync(HttpStatusCode.OK);
        return (host, circleId, people);
    }

    /// <summary>The meeting's answers as the database keeps them, in arrival order.</summary>
    public static Task<List<(Guid UserId, RsvpStatus Status, long Arrival, DateTimeOffset? PromotedAt)>> RsvpRowsAsync(this AppFactory app, Guid meetingId) =>
        app.QueryAsync(async db => (await db.Rsvps.Where(r => r.MeetingId == meetingId).OrderBy(r => r.Arrival)
                .Select(r => new { r.UserId, r.Status, r.Arrival, r.PromotedAt }).ToListAsync())
            .Select(r => (r.UserId, r.Status, r.Arrival, r.PromotedAt)).ToList());

    public static void DisposeAll(this IEnumerable<Person> people)
    {
        foreach (var person in people)
            person.Dispose();
    }
}
