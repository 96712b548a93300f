using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Resources;

[Collection(AppCollection.Name)]
public sealed class ResourceVisibilityAndEditingTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Theory]
    [InlineData("draft")]
    [InlineData("pendingReview")]
    [InlineData("rejected")]
    [InlineData("suspended")]
    [InlineData("archived")]
    public async Task A_resource_that_is_not_published_is_404_to_the_public_and_other_organizations_but_visible_to_its_members_and_administrators(string state)
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail);
        await organization.Owner.AddMemberAsync(organization.Id, staff, staffEmail);
        using var admin = await _app.AdministratorAsync();
        var tag = $"t{Guid.NewGuid():N}";
        var body = CatalogClient.ResourceBody(organization.Id);
        body["description"] = $"상태 확인용 {tag}";
        var id = await organization.Owner.CreateResourceAsync(body);
        if (state != "draft")
            await organization.Owner.SubmitAsync(id);
        if (state == "rejected")
            await admin.DecideAsync("resources", id, "reject", "설명이 부족합니다.");
        if (state is "suspended" or "archived")
            await admin.DecideAsync("resources", id, "approve");
        if (state == "suspended")
            await admin.DecideAsync("resources", id, "suspend", "신고 접수");
        if (state == "archived")
            await organization.Owner.PostAsync($"/api/v1/resources/{id}/archive", null).ExpectAsync(HttpStatusCode.OK);

        using var anonymous = _app.NewClient();
        using var otherOrganization = await _app.VerifiedOrganizationAsync("다른 조합");
        using var resident = await _app.SignedInResidentAsync();
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("other organization", otherOrganization.Owner), ("resident", resident) })
        {
            using var response = await client.GetAsync($"/api/v1/resources/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
            (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(404);
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}")).GetProperty("totalCount").GetInt32().ShouldBe(0, who);
        }

        foreach (var (who, client) in new[] { ("owner", organization.Owner), ("staff", staff), ("administrator", admin) })
        {
            var seen = await client.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
            seen.GetProperty("status").GetString().ShouldBe(state, who);
        }
    }

    [Fact]
    public async Task A_member_of_another_organization_cannot_edit_submit_or_archive_a_resource_and_gets_404()
    {
        using var a = await _app.VerifiedOrganizationAsync("A 협동조합");
        using var b = await _app.VerifiedOrganizationAsync("B 사회적기업");
        var draftOfB = await b.Owner.CreateResourceAsync(CatalogClient.ResourceBody(b.Id, "B의 초안"));
        var publishedOfB = await _app.PublishedResourceAsync(b, CatalogClient.ResourceBody(b.Id, "B의 공개 자원"));

        foreach (var id in new[] { draftOfB, publishedOfB })
        {
            // Even knowing the id and the version, and claiming the resource for A's organization.
            var version = await _app.QueryAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
            var edit = CatalogClient.ResourceBody(a.Id, "A가 가로챈 제목");
            edit["version"] = version;
            await a.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", edit).ExpectAsync(HttpStatusCode.NotFound);
            await a.Owner.PostAsync($"/api/v1/resources/{id}/submit", null).ExpectAsync(HttpStatusCode.NotFound);
            await a.Owner.PostAsync($"/api/v1/resources/{id}/archive", null).ExpectAsync(HttpStatusCode.NotFound);
        }

        var rows = await _app.QueryAsync(db => db.Resources.Where(r => r.Id == draftOfB || r.Id == publishedOfB)
            .Select(r => new { r.Id, r.Title, r.Status, r.OrganizationId }).ToListAsync());
        rows.Single(r => r.Id == draftOfB).Title.ShouldBe("B의 초안");
        rows.Single(r => r.Id == draftOfB).Status.ToString().ShouldBe("Draft");
        rows.Single(r => r.Id == publishedOfB).Title.ShouldBe("B의 공개 자원");
        rows.Single(r => r.Id == publishedOfB).Status.ToString().ShouldBe("Published");
        rows.ShouldAllBe(r => r.OrganizationId == b.Id);

        // Nor can A list a resource under B's name.
        await a.Owner.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(b.Id)).ExpectAsync(HttpStatusCode.NotFound);
        await a.Owner.GetAsync($"/api/v1/organizations/{b.Id}/resources").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_edit_gets_409_and_the_newer_data_stays()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "처음 제목"));
        var read = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        var version = read.GetProperty("version").GetUInt32();

        var first = CatalogClient.ResourceBody(organization.Id, "먼저 고친 제목");
        first["version"] = version;
        first["capacity"] = 12;
        var saved = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", first).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("title").GetString().ShouldBe("먼저 고친 제목");
        saved.GetProperty("version").GetUInt32().ShouldNotBe(version);

        var stale = CatalogClient.ResourceBody(organization.Id, "늦게 고친 제목");
        stale["version"] = version;
        stale["capacity"] = 99;
        using (var conflict = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", stale))
        {
            conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await conflict.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(409);
        }

        var now = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        now.GetProperty("title").GetString().ShouldBe("먼저 고친 제목");
        now.GetProperty("capacity").GetInt32().ShouldBe(12);
        now.GetProperty("version").GetUInt32().ShouldBe(saved.GetProperty("version").GetUInt32());

        // With the version just read, the edit goes through.
        var fresh = CatalogClient.ResourceBody(organization.Id, "다시 고친 제목");
        fresh["version"] = now.GetProperty("version").GetUInt32();
        await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", fresh).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_members_saving_the_same_version_at_once_one_wins_and_the_other_gets_409()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail);
        await organization.Owner.AddMemberAsync(organization.Id, staff, staffEmail);
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "처음 제목"));
        var version = (await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetUInt32();

        var attempts = Enumerable.Range(0, 10).Select(i =>
        {
            var body = CatalogClient.ResourceBody(organization.Id, $"동시 수정 {i}");
            body["version"] = version;
            return (i % 2 == 0 ? organization.Owner : staff).PutAsJsonAsync($"/api/v1/resources/{id}", body);
        }).ToList();
        var responses = await Task.WhenAll(attempts);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(9, string.Join(", ", statuses));
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var winnerTitle = (await winner.ReadJsonAsync()).GetProperty("title").GetString();
        foreach (var response in responses)
            response.Dispose();
        (await _app.QueryAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Title).SingleAsync())).ShouldBe(winnerTitle);
    }

    public static TheoryData<string, Action<JsonObject>, string> PolicyRefusals => new()
    {
        { "max_below_min", p => { p["minMinutes"] = 120; p["maxMinutes"] = 60; }, "maximum below minimum" },
        { "slot_size_invalid", p => p["slotMinutes"] = 25, "a 25-minute slot" },
        { "min_duration_invalid", p => p["minMinutes"] = 45, "a minimum that is not whole slots" },
        { "opening_hours_invalid", p => p["openingHours"] = new JsonArray(new JsonObject { ["dayOfWeek"] = "monday", ["opens"] = "18:00", ["closes"] = "09:00" }), "closing before opening" },
        { "opening_hours_off_slot", p => p["openingHours"] = new JsonArray(new JsonObject { ["dayOfWeek"] = "monday", ["opens"] = "09:10", ["closes"] = "18:00" }), "opening off the slot grid" },
        {
            "opening_hours_overlap", p => p["openingHours"] = new JsonArray(
                new JsonObject { ["dayOfWeek"] = "monday", ["opens"] = "09:00", ["closes"] = "13:00" },
                new JsonObject { ["dayOfWeek"] = "monday", ["opens"] = "12:00", ["closes"] = "18:00" }),
            "two periods overlapping on a day"
        },
        { "horizon_invalid", p => p["horizonDays"] = 0, "a horizon of zero days" },
        { "per_person_cap_invalid", p => p["maxActivePerPerson"] = 0, "a per-person cap of zero" },
    };

    [Theory]
    [MemberData(nameof(PolicyRefusals))]
    public async Task A_policy_that_contradicts_itself_is_refused_with_422_and_its_code_and_nothing_is_stored(string code, Action<JsonObject> breakIt, string what)
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id, $"정책 오류 {Guid.NewGuid():N}");
        breakIt((JsonObject)body["policy"]!);

        using var response = await organization.Owner.PostAsJsonAsync("/api/v1/resources", body);

        response.StatusCode.ShouldBe((HttpStatusCode)422, what);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe(code, what);
        (await _app.QueryAsync(db => db.Resources.AnyAsync(r => r.OrganizationId == organization.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_policy_refusal_on_edit_keeps_the_resource_as_it_was()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        var version = (await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetUInt32();
        var edit = CatalogClient.ResourceBody(organization.Id, "바뀌면 안 되는 제목");
        edit["version"] = version;
        edit["policy"]!["maxMinutes"] = 30;

        using var response = await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", edit);

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("max_below_min");
        var stored = await _app.QueryAsync(db => db.Resources.Where(r => r.Id == id).Select(r => new { r.Title, r.Policy }).SingleAsync());
        stored.Title.ShouldBe("원래 제목");
        stored.Policy.MaxMinutes.ShouldBe(240);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_naming_each_field()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var body = CatalogClient.ResourceBody(organization.Id, "");
        body["municipality"] = "seoul";
        body["capacity"] = 0;
        body["policy"]!["openingHours"] = new JsonArray(new JsonObject { ["dayOfWeek"] = "monday", ["opens"] = "9시", ["closes"] = "18:00" });

        using var response = await organization.Owner.PostAsJsonAsync("/api/v1/resources", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        // The keys are the body's own (camelCase) field names, so a client can put each message next to its field.
        var fields = errors.EnumerateObject().Select(e => e.Name).ToList();
        fields.ShouldContain("title");
        fields.ShouldContain("municipality");
        fields.ShouldContain("capacity");
        fields.ShouldContain(f => f.StartsWith("policy.openingHours[0]", StringComparison.Ordinal), string.Join(", ", fields));
        (await _app.QueryAsync(db => db.Resources.AnyAsync(r => r.OrganizationId == organization.Id))).ShouldBeFalse();
    }
}
