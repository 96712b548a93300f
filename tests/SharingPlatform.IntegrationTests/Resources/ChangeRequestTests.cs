using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Resources;

/// <summary>
/// A published resource's public content changes only through an administrator: an edit becomes a change request, the
/// approved version stays live until it is approved, and operational changes (closed dates) apply at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ChangeRequestTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Editing_a_published_resource_keeps_the_public_title_until_an_administrator_approves_the_change()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        var edit = await EditBodyAsync(organization, id, "바뀐 제목");
        edit["feePerHour"] = 50_000;

        var saved = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", edit).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("title").GetString().ShouldBe("원래 제목");
        var pending = saved.GetProperty("pendingChange");
        pending.ValueKind.ShouldBe(JsonValueKind.Object);
        var fields = pending.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        fields.ShouldContain("title");
        fields.ShouldContain("feePerHour");

        using var anonymous = _app.NewClient();
        var seen = await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("title").GetString().ShouldBe("원래 제목");
        seen.TryGetProperty("pendingChange", out var hidden).ShouldBeTrue();
        hidden.ValueKind.ShouldBe(JsonValueKind.Null);

        using var admin = await _app.AdministratorAsync();
        var requestId = await QueuedRequestAsync(admin, id);
        var detail = await admin.GetAsync($"/api/v1/admin/change-requests/{requestId}").ExpectAsync(HttpStatusCode.OK);
        var title = detail.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "title");
        title.GetProperty("before").GetString().ShouldBe("원래 제목");
        title.GetProperty("after").GetString().ShouldBe("바뀐 제목");

        await admin.DecideAsync("change-requests", requestId, "approve");

        var approved = await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        approved.GetProperty("title").GetString().ShouldBe("바뀐 제목");
        approved.GetProperty("feePerHour").GetInt32().ShouldBe(50_000);
        approved.GetProperty("status").GetString().ShouldBe("published");
        var mine = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        mine.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Null);
        (await QueuedRequestsAsync(admin, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rejected_change_keeps_the_approved_version_and_tells_the_owner_why()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", await EditBodyAsync(organization, id, "과장된 제목"))
            .ExpectAsync(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();
        var requestId = await QueuedRequestAsync(admin, id);

        await admin.PostAsJsonAsync($"/api/v1/admin/change-requests/{requestId}/reject", new { reason = (string?)null })
            .ExpectAsync(HttpStatusCode.BadRequest);
        await admin.DecideAsync("change-requests", requestId, "reject", "제목이 사실과 다릅니다.");

        var mine = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        mine.GetProperty("title").GetString().ShouldBe("원래 제목");
        mine.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Null);
        var inbox = await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var notice = inbox.GetProperty("notifications").GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("kind").GetString() == "changeRejected");
        notice.GetProperty("body").GetString()!.ShouldContain("제목이 사실과 다릅니다.");
        var late = await admin.PostAsJsonAsync($"/api/v1/admin/change-requests/{requestId}/approve", new { reason = (string?)null })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        late.GetProperty("code").GetString().ShouldBe("change_request_not_pending");
    }

    [Fact]
    public async Task Saving_again_while_a_change_is_pending_replaces_it_so_one_request_waits()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", await EditBodyAsync(organization, id, "첫 번째 고침"))
            .ExpectAsync(HttpStatusCode.OK);
        await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", await EditBodyAsync(organization, id, "두 번째 고침"))
            .ExpectAsync(HttpStatusCode.OK);

        using var admin = await _app.AdministratorAsync();
        var queued = await QueuedRequestsAsync(admin, id);
        queued.Count.ShouldBe(1);
        queued[0].GetProperty("title").GetString().ShouldBe("원래 제목");
        await admin.DecideAsync("change-requests", queued[0].Id(), "approve");
        using var anonymous = _app.NewClient();
        (await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("title").GetString().ShouldBe("두 번째 고침");
    }

    [Fact]
    public async Task Closed_dates_apply_at_once_while_the_rest_of_the_edit_waits_for_review()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        var closed = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");

        var onlyClosed = await EditBodyAsync(organization, id, "원래 제목");
        ((JsonObject)onlyClosed["policy"]!)["closedDates"] = new JsonArray(closed);
        var saved = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", onlyClosed).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Null);
        using var anonymous = _app.NewClient();
        var seen = await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("policy").GetProperty("closedDates").EnumerateArray().Select(d => d.GetString()).ShouldBe([closed]);

        var both = await EditBodyAsync(organization, id, "바뀐 제목");
        ((JsonObject)both["policy"]!)["closedDates"] = new JsonArray();
        saved = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", both).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Object);
        seen = await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("title").GetString().ShouldBe("원래 제목");
        seen.GetProperty("policy").GetProperty("closedDates").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_member_of_a_suspended_organization_cannot_edit_or_decide_on_bookings()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        using var booker = await _app.SignedInResidentAsync();
        var start = BookingClient.Next(DayOfWeek.Wednesday, 10);
        var bookingId = await booker.BookedAsync(id, start, start.AddHours(1));
        var edit = await EditBodyAsync(organization, id, "정지 중 고친 제목");
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("organizations", organization.Id, "suspend", "점검 중");

        foreach (var (what, request) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("edit", () => organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", edit)),
            ("archive", () => organization.Owner.PostAsync($"/api/v1/resources/{id}/archive", null)),
            ("approve booking", () => organization.Owner.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/approve", new { })),
            ("reject booking", () => organization.Owner.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/reject", new { reason = "안 됩니다" })),
        })
        {
            using var response = await request();
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, what);
            (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_suspended", what);
        }
    }

    internal static async Task<JsonObject> EditBodyAsync(VerifiedOrganization organization, Guid id, string title)
    {
        var current = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        var body = CatalogClient.ResourceBody(organization.Id, title);
        body["version"] = current.GetProperty("version").GetUInt32();
        return body;
    }

    internal static async Task<List<JsonElement>> QueuedRequestsAsync(HttpClient admin, Guid subjectId)
    {
        var queue = await admin.GetAsync("/api/v1/admin/queue?kind=changes").ExpectAsync(HttpStatusCode.OK);
        return queue.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("subjectId").GetGuid() == subjectId).ToList();
    }

    internal static async Task<Guid> QueuedRequestAsync(HttpClient admin, Guid subjectId) =>
        (await QueuedRequestsAsync(admin, subjectId)).ShouldHaveSingleItem().Id();
}
