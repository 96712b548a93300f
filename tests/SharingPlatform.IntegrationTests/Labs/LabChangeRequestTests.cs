using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>A published lab's public content changes only once an administrator approves; closed dates and equipment apply at once.</summary>
[Collection(AppCollection.Name)]
public sealed class LabChangeRequestTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Editing_a_published_lab_keeps_the_public_name_and_safety_rules_until_approval()
    {
        using var lab = await _app.PublishedLabAsync(equipment: ("3D 프린터", false));
        var edit = await EditBodyAsync(lab, "이름만 바뀐 실험실");
        edit["safetyRules"] = "보호안경은 선택입니다.";

        var saved = await lab.Manager.PutAsJsonAsync($"/api/v1/labs/{lab.Id}", edit).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("name").GetString().ShouldBe("메이커 스페이스");
        saved.GetProperty("pendingChange").GetProperty("changes").EnumerateArray()
            .Select(c => c.GetProperty("field").GetString()).ShouldBe(["name", "safetyRules"], ignoreOrder: true);

        using var anonymous = _app.NewClient();
        var seen = await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("name").GetString().ShouldBe("메이커 스페이스");
        seen.GetProperty("safetyRules").GetString().ShouldBe("보호안경을 쓰세요.");
        seen.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Null);

        using var admin = await _app.AdministratorAsync();
        var queue = await admin.GetAsync("/api/v1/admin/queue?kind=changes").ExpectAsync(HttpStatusCode.OK);
        var request = queue.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("subjectId").GetGuid() == lab.Id);
        request.GetProperty("subjectKind").GetString().ShouldBe("lab");
        await admin.DecideAsync("change-requests", request.Id(), "approve");

        seen = await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("name").GetString().ShouldBe("이름만 바뀐 실험실");
        seen.GetProperty("safetyRules").GetString().ShouldBe("보호안경은 선택입니다.");
    }

    [Fact]
    public async Task Closed_dates_and_equipment_out_of_service_apply_at_once()
    {
        using var lab = await _app.PublishedLabAsync(equipment: ("레이저 커터", false));
        var closed = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(9).ToString("yyyy-MM-dd");
        var edit = await EditBodyAsync(lab, "메이커 스페이스");
        edit["closedDates"] = new JsonArray(closed);

        var saved = await lab.Manager.PutAsJsonAsync($"/api/v1/labs/{lab.Id}", edit).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Null);
        await lab.Manager.PostAsJsonAsync($"/api/v1/labs/{lab.Id}/equipment/{lab.Equipment["레이저 커터"]}/out-of-service", new
        {
            from = DateTimeOffset.UtcNow.AddDays(1),
            until = DateTimeOffset.UtcNow.AddDays(2),
            reason = "렌즈 교체",
        }).ExpectAsync(HttpStatusCode.OK);

        using var anonymous = _app.NewClient();
        var seen = await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("closedDates").EnumerateArray().Select(d => d.GetString()).ShouldBe([closed]);
        seen.GetProperty("equipment")[0].GetProperty("outOfServiceReason").GetString().ShouldBe("렌즈 교체");
    }

    [Fact]
    public async Task A_manager_in_a_suspended_organization_gets_409_organization_suspended()
    {
        using var lab = await _app.PublishedLabAsync(equipment: ("레이저 커터", false));
        var edit = await EditBodyAsync(lab, "정지 중 고친 이름");
        using var resident = await _app.SignedInResidentAsync();
        var session = await resident.BookedLabAsync(lab.Id, (await resident.NextSlotAsync(_app, lab.Id, TimeSpan.FromHours(3))).StartsAt());
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("organizations", lab.Organization.Id, "suspend", "점검 중");

        foreach (var (what, request) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("edit", () => lab.Manager.PutAsJsonAsync($"/api/v1/labs/{lab.Id}", edit)),
            ("equipment", () => lab.Manager.PostAsJsonAsync($"/api/v1/labs/{lab.Id}/equipment/{lab.Equipment["레이저 커터"]}/out-of-service", new
            {
                from = DateTimeOffset.UtcNow.AddDays(1),
                until = DateTimeOffset.UtcNow.AddDays(2),
                reason = "렌즈 교체",
            })),
            ("cancel session", () => lab.Manager.PostAsJsonAsync($"/api/v1/lab-bookings/{session}/cancel", new { reason = "점검" })),
        })
        {
            using var response = await request();
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, what);
            (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_suspended", what);
        }
    }

    private static async Task<JsonObject> EditBodyAsync(TestLab lab, string name)
    {
        var current = await lab.Manager.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK);
        var body = LabClient.LabBody(lab.Organization.Id, name: name);
        body["version"] = current.GetProperty("version").GetUInt32();
        return body;
    }
}
