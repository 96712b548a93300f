using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharingPlatform.Tests.Support;

/// <summary>
/// What an organization member and an administrator do with the catalog, through the API: register an organization,
/// have it verified, list a resource, submit it, approve it. Builders return plain JSON bodies a test can change.
/// </summary>
public static class CatalogClient
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    private static readonly string[] MondayToSaturday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>A fresh, valid 사업자등록번호 (ten digits, the last one its check digit), unique enough for one test run.</summary>
    public static string NewBusinessRegistrationNumber()
    {
        var digits = Enumerable.Range(0, 9).Select(_ => RandomNumberGenerator.GetInt32(10)).ToArray();
        return string.Concat(digits) + CheckDigit(digits);
    }

    /// <summary>Four random Hangul syllables: a word nobody else uses, so a search finds this test's rows and no others.</summary>
    public static string NewHangulWord() =>
        string.Concat(Enumerable.Range(0, 4).Select(_ => (char)(0xAC00 + RandomNumberGenerator.GetInt32(11172))));

    public static int CheckDigit(IReadOnlyList<int> firstNine)
    {
        var sum = Weights.Select((weight, i) => weight * firstNine[i]).Sum() + firstNine[8] * 5 / 10;
        return (10 - sum % 10) % 10;
    }

    /// <summary>The same number with a wrong check digit.</summary>
    public static string WithWrongCheckDigit(string number) =>
        number[..9] + (char)('0' + (number[9] - '0' + 1) % 10);

    public static JsonObject OrganizationBody(string? businessRegistrationNumber = null, string name = "전주 공유공간 협동조합", string municipality = "jeonju") => new()
    {
        ["name"] = name,
        ["kind"] = "cooperative",
        ["businessRegistrationNumber"] = businessRegistrationNumber ?? NewBusinessRegistrationNumber(),
        ["municipality"] = municipality,
        ["address"] = "전북특별자치도 전주시 완산구 풍남문로 1",
        ["phone"] = "063-123-4567",
        ["email"] = "coop@tests.sharing.example",
        ["description"] = "마을 주민과 공간을 나누는 협동조합",
    };

    /// <summary>A valid resource body: a meeting room in Jeonju, open Monday to Saturday 09:00–18:00, free of charge.</summary>
    public static JsonObject ResourceBody(Guid organizationId, string title = "소회의실 대여", string municipality = "jeonju") => new()
    {
        ["organizationId"] = organizationId,
        ["category"] = "space",
        ["title"] = title,
        ["description"] = "10명까지 쓸 수 있는 회의실입니다.\n빔프로젝터가 있습니다.",
        ["municipality"] = municipality,
        ["address"] = "전북특별자치도 전주시 완산구 풍남문로 1, 2층",
        ["capacity"] = 10,
        ["feePerHour"] = null,
        ["feeNote"] = "무료",
        ["policy"] = PolicyBody(),
    };

    public static JsonObject PolicyBody(params (string Day, string Opens, string Closes)[] openingHours)
    {
        if (openingHours.Length == 0)
            openingHours = MondayToSaturday.Select(d => (d, "09:00", "18:00")).ToArray();
        return new JsonObject
        {
            ["approvalMode"] = "manual",
            ["slotMinutes"] = 30,
            ["minMinutes"] = 60,
            ["maxMinutes"] = 240,
            ["minNoticeMinutes"] = 60,
            ["horizonDays"] = 60,
            ["bufferMinutes"] = 0,
            ["requiresCheckIn"] = false,
            ["maxActivePerPerson"] = 3,
            ["openingHours"] = new JsonArray(openingHours
                .Select(p => (JsonNode)new JsonObject { ["dayOfWeek"] = p.Day, ["opens"] = p.Opens, ["closes"] = p.Closes })
                .ToArray()),
            ["closedDates"] = new JsonArray(),
        };
    }

    /// <summary>A client signed in as the seeded administrator.</summary>
    public static async Task<HttpClient> AdministratorAsync(this AppFactory app)
    {
        var client = app.NewClient();
        var token = await client.LoginAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Sends and insists on <paramref name="expected"/>, showing the body when the answer differs.</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>The id of what a create request made, insisting on 201.</summary>
    public static async Task<Guid> CreatedIdAsync(Task<HttpResponseMessage> request) => (await request.ExpectAsync(HttpStatusCode.Created)).Id();

    public static async Task<Guid> RegisterOrganizationAsync(this HttpClient member, JsonObject? body = null) =>
        (await member.PostAsJsonAsync("/api/v1/organizations", body ?? OrganizationBody()).ExpectAsync(HttpStatusCode.Created)).Id();

    public static Task VerifyAsync(this HttpClient admin, Guid organizationId, string? reason = null) =>
        admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/verify", new { reason }).ExpectAsync(HttpStatusCode.NoContent);

    public static async Task<Guid> CreateResourceAsync(this HttpClient member, JsonObject body) =>
        (await member.PostAsJsonAsync("/api/v1/resources", body).ExpectAsync(HttpStatusCode.Created)).Id();

    public static Task SubmitAsync(this HttpClient member, Guid resourceId) =>
        member.PostAsync($"/api/v1/resources/{resourceId}/submit", null).ExpectAsync(HttpStatusCode.OK);

    public static Task DecideAsync(this HttpClient admin, string kind, Guid id, string decision, string? reason = null) =>
        admin.PostAsJsonAsync($"/api/v1/admin/{kind}/{id}/{decision}", new { reason }).ExpectAsync(HttpStatusCode.NoContent);

    /// <summary>The owner invites <paramref name="email"/> into the organization and that person, signed in as <paramref name="person"/>, accepts.</summary>
    public static async Task AddMemberAsync(this HttpClient owner, Guid organizationId, HttpClient person, string email, string role = "staff")
    {
        (await owner.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email, role }).ExpectAsync(HttpStatusCode.Accepted))
            .GetProperty("status").GetString().ShouldBe("invited");
        var invitation = (await person.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(i => i.GetProperty("organizationId").GetGuid() == organizationId);
        await person.PostAsync($"/api/v1/invitations/{invitation.Id()}/accept", null).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>A signed-in person who owns a verified organization.</summary>
    public static async Task<VerifiedOrganization> VerifiedOrganizationAsync(this AppFactory app, string name = "전주 공유공간 협동조합")
    {
        var email = ApiClient.NewEmail("owner");
        var owner = await app.SignedInResidentAsync(email, "김대표");
        var id = await owner.RegisterOrganizationAsync(OrganizationBody(name: name));
        using var admin = await app.AdministratorAsync();
        await admin.VerifyAsync(id);
        return new VerifiedOrganization(id, owner, email);
    }

    /// <summary>A resource of <paramref name="organization"/> taken through submit and approval: public from now on.</summary>
    public static async Task<Guid> PublishedResourceAsync(this AppFactory app, VerifiedOrganization organization, JsonObject body)
    {
        var id = await organization.Owner.CreateResourceAsync(body);
        await organization.Owner.SubmitAsync(id);
        using var admin = await app.AdministratorAsync();
        await admin.DecideAsync("resources", id, "approve");
        return id;
    }
}

public sealed record VerifiedOrganization(Guid Id, HttpClient Owner, string OwnerEmail) : IDisposable
{
    public void Dispose() => Owner.Dispose();
}
