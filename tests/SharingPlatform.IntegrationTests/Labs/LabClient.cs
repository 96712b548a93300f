using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>A published lab for a test: its organization (whose owner manages the lab), its id and its equipment by name.</summary>
public sealed record TestLab(VerifiedOrganization Organization, Guid Id, IReadOnlyDictionary<string, Guid> Equipment) : IDisposable
{
    public HttpClient Manager => Organization.Owner;

    public void Dispose() => Organization.Dispose();
}

/// <summary>What lab managers, residents and administrators do with labs through the API, and the builders the lab tests share.</summary>
public static class LabClient
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>A lab open every day in two-hour slots from 00:00 to 22:00 (Seoul), so a test finds a slot at any hour.</summary>
    public static JsonObject LabBody(Guid organizationId, int seats = 4, string name = "메이커 스페이스", string municipality = "jeonju") => new()
    {
        ["organizationId"] = organizationId,
        ["name"] = name,
        ["description"] = "3D 프린터와 레이저 커터가 있는 공유실험실",
        ["municipality"] = municipality,
        ["address"] = "전북특별자치도 전주시 덕진구 1",
        ["safetyRules"] = "보호안경을 쓰세요.",
        ["seatsPerSlot"] = seats,
        ["timetable"] = new JsonArray(Days.SelectMany(day => Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject
        {
            ["dayOfWeek"] = day,
            ["starts"] = $"{i * 2:00}:00",
            ["ends"] = $"{i * 2 + 2:00}:00",
        })).ToArray()),
        ["closedDates"] = new JsonArray(),
    };

    /// <summary>A lab of a fresh verified organization, with equipment (name → needs a qualification), submitted and approved.</summary>
    public static async Task<TestLab> PublishedLabAsync(this AppFactory app, int seats = 4, params (string Name, bool RequiresQualification)[] equipment)
    {
        var organization = await app.VerifiedOrganizationAsync();
        var labId = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync("/api/v1/labs", LabBody(organization.Id, seats)));
        var pieces = new Dictionary<string, Guid>();
        foreach (var (name, requiresQualification) in equipment)
            pieces[name] = await organization.Owner.AddEquipmentAsync(labId, name, requiresQualification);
        await organization.Owner.PostAsync($"/api/v1/labs/{labId}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using var admin = await app.AdministratorAsync();
        await admin.DecideAsync("labs", labId, "approve");
        return new TestLab(organization, labId, pieces);
    }

    public static Task<Guid> AddEquipmentAsync(this HttpClient manager, Guid labId, string name, bool requiresQualification) =>
        CatalogClient.CreatedIdAsync(manager.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment", new
        {
            name,
            model = "X-1",
            description = "",
            requiresQualification,
            qualificationName = requiresQualification ? $"{name} 안전교육" : null,
        }));

    /// <summary>The slots of the lab starting within the window, as the week grid reads them.</summary>
    public static async Task<IReadOnlyList<JsonElement>> SlotsAsync(this HttpClient client, Guid labId, DateTimeOffset from, DateTimeOffset to) =>
        (await client.GetAsync($"/api/v1/labs/{labId}/slots?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}")
            .ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    /// <summary>The first slot starting at least <paramref name="atLeast"/> after the app's now.</summary>
    public static async Task<JsonElement> NextSlotAsync(this HttpClient client, AppFactory app, Guid labId, TimeSpan atLeast)
    {
        var from = app.Clock.GetUtcNow() + atLeast;
        return (await client.SlotsAsync(labId, from, from.AddDays(2)))[0];
    }

    public static async Task<JsonElement> SlotAtAsync(this HttpClient client, Guid labId, DateTimeOffset startsAt) =>
        (await client.SlotsAsync(labId, startsAt, startsAt.AddMinutes(1))).Single();

    public static DateTimeOffset StartsAt(this JsonElement slot) => slot.GetProperty("startsAt").GetDateTimeOffset();

    public static Task<HttpResponseMessage> BookLabAsync(this HttpClient client, Guid labId, DateTimeOffset slotStartsAt, params Guid[] equipmentIds) =>
        client.PostAsJsonAsync("/api/v1/lab-bookings", new { labId, slotStartsAt, equipmentIds });

    public static async Task<Guid> BookedLabAsync(this HttpClient client, Guid labId, DateTimeOffset slotStartsAt, params Guid[] equipmentIds) =>
        await CatalogClient.CreatedIdAsync(client.BookLabAsync(labId, slotStartsAt, equipmentIds));

    public static Task<HttpResponseMessage> GrantAsync(this HttpClient manager, Guid labId, string userEmail, Guid equipmentId, DateOnly validUntil) =>
        manager.PostAsJsonAsync($"/api/v1/labs/{labId}/qualifications", new { userEmail, equipmentId, validUntil });

    public static async Task<JsonElement> LabBookingAsync(this HttpClient client, Guid id) =>
        await client.GetAsync($"/api/v1/lab-bookings/{id}").ExpectAsync(HttpStatusCode.OK);

    public static async Task<string?> ProblemCodeAsync(this Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        var problem = await request.ExpectAsync(expected);
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    /// <summary>
    /// A client freshly signed in as <paramref name="email"/>: bearer tokens last an hour of the app's clock, so a test
    /// that moves the clock further signs in again there.
    /// </summary>
    public static async Task<HttpClient> SignedInNowAsync(this AppFactory app, string email)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await client.LoginAsync(email, ApiClient.Password));
        return client;
    }

    public static DateOnly SeoulToday(this AppFactory app) =>
        DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(BookingClient.Kst).DateTime);
}
