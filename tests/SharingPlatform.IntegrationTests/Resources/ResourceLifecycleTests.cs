using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Resources;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Resources;

[Collection(AppCollection.Name)]
public sealed class ResourceLifecycleTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task From_registration_to_search_an_organization_lists_a_resource_an_administrator_approves_and_residents_find_it()
    {
        var ownerEmail = ApiClient.NewEmail("owner");
        using var owner = await _app.SignedInResidentAsync(ownerEmail, "정대표");
        var organizationId = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "고창 청보리 마을기업", municipality: "gochang"));
        using var admin = await _app.AdministratorAsync();
        await admin.VerifyAsync(organizationId);

        var tag = $"t{Guid.NewGuid():N}";
        var body = CatalogClient.ResourceBody(organizationId, "청보리밭 공유 창고", municipality: "gochang");
        body["category"] = "goods";
        body["description"] = $"농기구를 보관하는 창고입니다.\n관리번호 {tag}";
        body["feePerHour"] = 3000;
        body["feeNote"] = "시간당 3,000원";
        body["policy"]!["closedDates"] = new System.Text.Json.Nodes.JsonArray("2026-12-25", "2027-01-01");

        var draft = await owner.PostAsJsonAsync("/api/v1/resources", body).ExpectAsync(HttpStatusCode.Created);
        var id = draft.Id();
        draft.GetProperty("status").GetString().ShouldBe("draft");
        draft.GetProperty("organizationId").GetGuid().ShouldBe(organizationId);
        draft.GetProperty("category").GetString().ShouldBe("goods");
        draft.GetProperty("title").GetString().ShouldBe("청보리밭 공유 창고");
        draft.GetProperty("description").GetString().ShouldBe($"농기구를 보관하는 창고입니다.\n관리번호 {tag}");
        draft.GetProperty("municipality").GetString().ShouldBe("gochang");
        draft.GetProperty("capacity").GetInt32().ShouldBe(10);
        draft.GetProperty("isFree").GetBoolean().ShouldBeFalse();
        draft.GetProperty("feeNote").GetString().ShouldBe("시간당 3,000원");
        draft.GetProperty("photos").GetArrayLength().ShouldBe(0);
        draft.GetProperty("version").GetUInt32().ShouldBeGreaterThan(0u);
        var policy = draft.GetProperty("policy");
        policy.GetProperty("approvalMode").GetString().ShouldBe("manual");
        policy.GetProperty("slotMinutes").GetInt32().ShouldBe(30);
        policy.GetProperty("minMinutes").GetInt32().ShouldBe(60);
        policy.GetProperty("maxMinutes").GetInt32().ShouldBe(240);
        policy.GetProperty("maxActivePerPerson").GetInt32().ShouldBe(3);
        var monday = policy.GetProperty("openingHours").EnumerateArray().First();
        monday.GetProperty("dayOfWeek").GetString().ShouldBe("monday");
        monday.GetProperty("opens").GetString().ShouldBe("09:00");
        monday.GetProperty("closes").GetString().ShouldBe("18:00");
        policy.GetProperty("openingHours").GetArrayLength().ShouldBe(6);
        policy.GetProperty("closedDates").EnumerateArray().Select(d => d.GetString()).ShouldBe(["2026-12-25", "2027-01-01"]);

        using var resident = await _app.SignedInResidentAsync();
        await resident.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.NotFound);

        var submitted = await owner.PostAsync($"/api/v1/resources/{id}/submit", null).ExpectAsync(HttpStatusCode.OK);
        submitted.GetProperty("status").GetString().ShouldBe("pendingReview");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/queue")).GetProperty("resources").EnumerateArray()
            .Select(r => r.Id()).ShouldContain(id);
        await resident.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.NotFound);
        (await resident.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}")).GetProperty("totalCount").GetInt32().ShouldBe(0);

        await admin.DecideAsync("resources", id, "approve");

        var found = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}");
        found.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var summary = found.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        summary.Id().ShouldBe(id);
        summary.GetProperty("title").GetString().ShouldBe("청보리밭 공유 창고");
        summary.GetProperty("organizationName").GetString().ShouldBe("고창 청보리 마을기업");
        summary.GetProperty("category").GetString().ShouldBe("goods");
        summary.GetProperty("municipality").GetString().ShouldBe("gochang");
        summary.GetProperty("isFree").GetBoolean().ShouldBeFalse();

        using var anonymous = _app.NewClient();
        var published = await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        published.GetProperty("status").GetString().ShouldBe("published");
        published.GetProperty("title").GetString().ShouldBe("청보리밭 공유 창고");
        published.GetProperty("organizationName").GetString().ShouldBe("고창 청보리 마을기업");
        published.GetProperty("policy").GetProperty("closedDates").GetArrayLength().ShouldBe(2);

        var approval = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?subjectId={id}"))
            .GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        approval.GetProperty("action").GetString().ShouldBe("resource.approve");
        var mail = await _app.Mailbox.WaitForAsync(ownerEmail, m => (m.Subject ?? "").Contains("청보리밭 공유 창고"));
        mail.Subject!.ShouldContain("승인");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/queue")).GetProperty("resources").EnumerateArray()
            .Select(r => r.Id()).ShouldNotContain(id);
    }

    [Fact]
    public async Task A_rejected_resource_carries_the_reason_goes_back_to_draft_when_edited_and_can_be_submitted_again()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "사진 없는 회의실"));
        await organization.Owner.SubmitAsync(id);
        using var admin = await _app.AdministratorAsync();

        await admin.DecideAsync("resources", id, "reject", "사진과 주소를 보완해 주세요.");

        var rejected = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.GetProperty("statusReason").GetString().ShouldBe("사진과 주소를 보완해 주세요.");
        var row = (await organization.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organization.Id}/resources"))
            .EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("status").GetString().ShouldBe("rejected");
        row.GetProperty("statusReason").GetString().ShouldBe("사진과 주소를 보완해 주세요.");

        var edit = CatalogClient.ResourceBody(organization.Id, "주소를 고친 회의실");
        edit["version"] = rejected.GetProperty("version").GetUInt32();
        var edited = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", edit).ExpectAsync(HttpStatusCode.OK);
        edited.GetProperty("status").GetString().ShouldBe("draft");

        await organization.Owner.SubmitAsync(id);
        await admin.DecideAsync("resources", id, "approve");
        using var anonymous = _app.NewClient();
        (await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("title").GetString().ShouldBe("주소를 고친 회의실");
    }

    [Theory]
    [InlineData("approve a draft", "approve", "draft", "resource_not_pending_review")]
    [InlineData("reject a draft", "reject", "draft", "resource_not_pending_review")]
    [InlineData("suspend a draft", "suspend", "draft", "resource_not_published")]
    [InlineData("restore a published resource", "restore", "published", "resource_not_suspended")]
    [InlineData("approve a published resource", "approve", "published", "resource_not_pending_review")]
    public async Task An_administrator_decision_that_does_not_fit_the_state_is_refused_with_its_code(string what, string decision, string state, string code)
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id);
        var id = state == "published" ? await _app.PublishedResourceAsync(organization, body) : await organization.Owner.CreateResourceAsync(body);
        using var admin = await _app.AdministratorAsync();

        using var response = await admin.PostAsJsonAsync($"/api/v1/admin/resources/{id}/{decision}", new { reason = "사유" });

        response.StatusCode.ShouldBe((HttpStatusCode)422, what);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe(code, what);
        var status = await _app.QueryAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
        status.ShouldBe(state == "published" ? ResourceStatus.Published : ResourceStatus.Draft);
    }

    [Fact]
    public async Task Members_cannot_submit_twice_nor_edit_while_under_review()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        await organization.Owner.SubmitAsync(id);

        using (var again = await organization.Owner.PostAsync($"/api/v1/resources/{id}/submit", null))
        {
            again.StatusCode.ShouldBe((HttpStatusCode)422);
            (await again.ProblemAsync()).GetProperty("code").GetString().ShouldBe("resource_not_draft");
        }

        var current = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        var edit = CatalogClient.ResourceBody(organization.Id, "심사 중에 바꾼 제목");
        edit["version"] = current.GetProperty("version").GetUInt32();
        using (var whileReviewed = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", edit))
        {
            whileReviewed.StatusCode.ShouldBe((HttpStatusCode)422);
            (await whileReviewed.ProblemAsync()).GetProperty("code").GetString().ShouldBe("resource_not_editable");
        }

        (await _app.QueryAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Title).SingleAsync())).ShouldBe("소회의실 대여");
    }

    [Fact]
    public async Task Suspending_a_published_resource_needs_a_reason_hides_it_and_restoring_brings_it_back()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "공유 카셰어링 차량"));
        using var admin = await _app.AdministratorAsync();
        using var anonymous = _app.NewClient();

        using (var noReason = await admin.PostAsJsonAsync($"/api/v1/admin/resources/{id}/suspend", new { reason = " " }))
            noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);

        await admin.DecideAsync("resources", id, "suspend", "안전 점검 필요");
        await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.NotFound);
        var seenByOwner = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        seenByOwner.GetProperty("status").GetString().ShouldBe("suspended");
        seenByOwner.GetProperty("statusReason").GetString().ShouldBe("안전 점검 필요");

        await admin.DecideAsync("resources", id, "restore", "점검 완료");
        await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);

        var audit = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?subjectType=resource&subjectId={id}")).GetProperty("items");
        audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("reason").GetString()))
            .ShouldBe([("resource.restore", "점검 완료"), ("resource.suspend", "안전 점검 필요"), ("resource.approve", null)]);
    }

    [Fact]
    public async Task The_owner_archives_a_resource_and_it_leaves_the_public_catalog()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "더는 빌려주지 않는 천막"));

        var archived = await organization.Owner.PostAsync($"/api/v1/resources/{id}/archive", null).ExpectAsync(HttpStatusCode.OK);

        archived.GetProperty("status").GetString().ShouldBe("archived");
        using var anonymous = _app.NewClient();
        await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_title_with_markup_is_stored_and_returned_as_the_same_text()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        const string title = "<script>alert('회의실')</script> & \"따옴표\"";
        const string description = "<b>굵게</b>\n<img src=x onerror=alert(1)>";
        var body = CatalogClient.ResourceBody(organization.Id, title);
        body["description"] = description;
        var id = await _app.PublishedResourceAsync(organization, body);

        using var anonymous = _app.NewClient();
        var resource = await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        resource.GetProperty("title").GetString().ShouldBe(title);
        resource.GetProperty("description").GetString().ShouldBe(description);
        (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString("<script>alert('회의실')")}"))
            .GetProperty("items").EnumerateArray().ShouldContain(r => r.Id() == id && r.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task Administrators_reviewing_one_resource_at_once_make_one_decision_with_one_audit_entry()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "동시 심사 회의실"));
        await organization.Owner.SubmitAsync(id);
        var admins = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _app.AdministratorAsync()));
        try
        {
            var responses = await Task.WhenAll(admins.Select((admin, i) =>
                admin.PostAsJsonAsync($"/api/v1/admin/resources/{id}/{(i % 2 == 0 ? "approve" : "reject")}", new { reason = $"사유 {i}" })));

            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            statuses.Count(s => s == 204).ShouldBe(1, string.Join(", ", statuses));
            statuses.ShouldAllBe(s => s == 204 || s == 409 || s == 422, string.Join(", ", statuses));
            foreach (var response in responses)
                response.Dispose();
            (await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == id))).ShouldBe(1);
        }
        finally
        {
            foreach (var admin in admins)
                admin.Dispose();
        }
    }
}
