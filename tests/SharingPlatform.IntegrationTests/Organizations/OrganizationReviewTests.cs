using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Organizations;

[Collection(AppCollection.Name)]
public sealed class OrganizationReviewTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Verifying_writes_who_what_and_why_to_the_audit_log_and_emails_the_owner()
    {
        var ownerEmail = ApiClient.NewEmail("owner");
        using var owner = await _app.SignedInResidentAsync(ownerEmail);
        var organizationId = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "남원 마을기업 흥부네"));
        using var admin = await _app.AdministratorAsync();
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();

        await admin.VerifyAsync(organizationId, "사업자등록증 확인");

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?subjectId={organizationId}");
        var entry = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("actorId").GetGuid().ShouldBe(adminId);
        entry.GetProperty("action").GetString().ShouldBe("organization.verify");
        entry.GetProperty("subjectType").GetString().ShouldBe("organization");
        entry.GetProperty("subjectId").GetGuid().ShouldBe(organizationId);
        entry.GetProperty("reason").GetString().ShouldBe("사업자등록증 확인");
        entry.GetProperty("at").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        var toOwner = await _app.Mailbox.WaitForAsync(ownerEmail, m => (m.Subject ?? "").Contains("남원 마을기업 흥부네"));
        toOwner.Subject!.ShouldContain("인증 완료");
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_the_reason_reaches_the_audit_log_the_owner_and_the_organization()
    {
        var ownerEmail = ApiClient.NewEmail("owner");
        using var owner = await _app.SignedInResidentAsync(ownerEmail);
        var organizationId = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "부안 갯벌 자활기업"));
        using var admin = await _app.AdministratorAsync();

        using (var noReason = await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/reject", new { reason = "" }))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noReason.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        }

        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organizationId}")).ToString().ShouldContain("\"pending\"");

        await admin.DecideAsync("organizations", organizationId, "reject", "사업자등록번호와 상호가 일치하지 않습니다.");

        var entry = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?subjectId={organizationId}"))
            .GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("action").GetString().ShouldBe("organization.reject");
        entry.GetProperty("reason").GetString().ShouldBe("사업자등록번호와 상호가 일치하지 않습니다.");

        var mail = await _app.Mailbox.WaitForAsync(ownerEmail, m => (m.Subject ?? "").Contains("부안 갯벌 자활기업"));
        mail.Subject!.ShouldContain("반려");
        mail.TextBody!.ShouldContain("사업자등록번호와 상호가 일치하지 않습니다.");

        var seenByOwner = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organizationId}")).ToString();
        seenByOwner.ShouldContain("\"rejected\"");
        seenByOwner.ShouldContain("사업자등록번호와 상호가 일치하지 않습니다.");
    }

    [Fact]
    public async Task A_decision_that_does_not_fit_the_state_is_refused_with_its_code_and_audits_nothing()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var admin = await _app.AdministratorAsync();

        using (var again = await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organization.Id}/verify", new { reason = (string?)null }))
        {
            again.StatusCode.ShouldBe((HttpStatusCode)422);
            (await again.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_not_pending");
        }

        using (var restore = await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organization.Id}/restore", new { reason = "복구" }))
        {
            restore.StatusCode.ShouldBe((HttpStatusCode)422);
            (await restore.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_not_suspended");
        }

        using var pendingOwner = await _app.SignedInResidentAsync();
        var pendingId = await pendingOwner.RegisterOrganizationAsync();
        using (var suspend = await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{pendingId}/suspend", new { reason = "허위 등록" }))
        {
            suspend.StatusCode.ShouldBe((HttpStatusCode)422);
            (await suspend.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_not_verified");
        }

        var actions = await _app.QueryAsync(db => db.AuditEntries
            .Where(a => a.SubjectId == organization.Id || a.SubjectId == pendingId).Select(a => a.Action).ToListAsync());
        actions.ShouldBe(["organization.verify"]);
    }

    [Fact]
    public async Task The_owner_of_a_suspended_organization_still_sees_its_page_and_invitations()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var admin = await _app.AdministratorAsync();
        await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organization.Id}/suspend", new { reason = "점검" }).ExpectAsync(HttpStatusCode.NoContent);
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(organization.OwnerEmail, ApiClient.Password);

        using var page = await site.GetAsync($"/Organizations/Details/{organization.Id}");
        using var invitations = await organization.Owner.GetAsync($"/api/v1/organizations/{organization.Id}/invitations");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        invitations.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_decision_about_an_organization_that_does_not_exist_is_404()
    {
        using var admin = await _app.AdministratorAsync();
        using var response = await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{Guid.NewGuid()}/verify", new { reason = (string?)null });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/api/v1/admin/queue")]
    [InlineData("GET", "/api/v1/admin/audit")]
    [InlineData("POST", "/api/v1/admin/organizations/{org}/verify")]
    [InlineData("POST", "/api/v1/admin/organizations/{org}/reject")]
    [InlineData("POST", "/api/v1/admin/resources/{resource}/approve")]
    [InlineData("POST", "/api/v1/admin/resources/{resource}/suspend")]
    public async Task A_resident_calling_an_administrator_route_gets_403_and_an_anonymous_caller_401(string method, string template)
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        await organization.Owner.SubmitAsync(resourceId);
        using var pendingOwner = await _app.SignedInResidentAsync();
        var pendingId = await pendingOwner.RegisterOrganizationAsync();
        var path = template.Replace("{org}", pendingId.ToString()).Replace("{resource}", resourceId.ToString());

        // The owner of the very things decided on is no administrator either.
        foreach (var resident in new[] { organization.Owner, pendingOwner })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { reason = "스스로 승인" }) : null };
            using var response = await resident.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
        }

        using var anonymous = _app.NewClient();
        using (var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { reason = "x" }) : null })
        using (var response = await anonymous.SendAsync(request))
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (organizationStatus, resourceStatus, audited) = await _app.QueryAsync(async db => (
            await db.Organizations.Where(o => o.Id == pendingId).Select(o => o.Status.ToString()).SingleAsync(),
            await db.Resources.Where(r => r.Id == resourceId).Select(r => r.Status.ToString()).SingleAsync(),
            await db.AuditEntries.AnyAsync(a => a.SubjectId == pendingId || a.SubjectId == resourceId)));
        organizationStatus.ShouldBe("Pending");
        resourceStatus.ShouldBe("PendingReview");
        audited.ShouldBeFalse();
    }

    [Fact]
    public async Task The_queue_lists_pending_organizations_and_resources_oldest_first()
    {
        using var firstOwner = await _app.SignedInResidentAsync();
        var first = await firstOwner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "먼저 온 조합"));
        using var secondOwner = await _app.SignedInResidentAsync();
        var second = await secondOwner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "나중에 온 조합"));

        using var organization = await _app.VerifiedOrganizationAsync();
        var draftedFirst = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "먼저 만든 자원"));
        var draftedSecond = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "나중에 만든 자원"));
        // Submitted in the other order: the one submitted first has waited longest.
        await organization.Owner.SubmitAsync(draftedSecond);
        await organization.Owner.SubmitAsync(draftedFirst);
        var stillDraft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "초안"));

        using var admin = await _app.AdministratorAsync();
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/queue");

        var organizations = queue.GetProperty("organizations").EnumerateArray().Select(o => o.Id()).ToList();
        organizations.ShouldContain(first);
        organizations.ShouldContain(second);
        organizations.IndexOf(first).ShouldBeLessThan(organizations.IndexOf(second));
        organizations.ShouldNotContain(organization.Id);
        queue.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("registeredAt").GetDateTimeOffset()).ShouldBeInOrder();

        var resources = queue.GetProperty("resources").EnumerateArray().Select(r => r.Id()).ToList();
        resources.IndexOf(draftedSecond).ShouldBeGreaterThanOrEqualTo(0);
        resources.IndexOf(draftedFirst).ShouldBeGreaterThan(resources.IndexOf(draftedSecond));
        resources.ShouldNotContain(stillDraft);
    }

    [Fact]
    public async Task The_audit_table_refuses_update_delete_and_truncate_in_the_database_itself()
    {
        using var owner = await _app.SignedInResidentAsync();
        var organizationId = await owner.RegisterOrganizationAsync();
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("organizations", organizationId, "reject", "원래 사유");
        var entryId = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == organizationId).Select(a => a.Id).SingleAsync());

        foreach (var sql in new[]
        {
            $"UPDATE audit_entries SET reason = '고친 사유' WHERE id = {entryId}",
            $"DELETE FROM audit_entries WHERE id = {entryId}",
            "TRUNCATE audit_entries",
        })
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
            refused.MessageText.ShouldContain("append-only");
        }

        var entry = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Id == entryId).Select(a => a.Reason).SingleAsync());
        entry.ShouldBe("원래 사유");
    }

    [Fact]
    public async Task A_suspended_organization_disappears_from_public_views_with_its_listings_and_comes_back_when_restored()
    {
        using var organization = await _app.VerifiedOrganizationAsync("진안 홍삼 협동조합");
        var tag = $"t{Guid.NewGuid():N}";
        var body = CatalogClient.ResourceBody(organization.Id, "홍삼 가공 체험실");
        body["description"] = $"체험실 {tag}";
        var resourceId = await _app.PublishedResourceAsync(organization, body);
        using var anonymous = _app.NewClient();
        await anonymous.GetAsync($"/api/v1/resources/{resourceId}").ExpectAsync(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();

        await admin.DecideAsync("organizations", organization.Id, "suspend", "민원 조사 중");

        await anonymous.GetAsync($"/api/v1/organizations/{organization.Id}").ExpectAsync(HttpStatusCode.NotFound);
        await anonymous.GetAsync($"/api/v1/resources/{resourceId}").ExpectAsync(HttpStatusCode.NotFound);
        (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        await organization.Owner.GetAsync($"/api/v1/resources/{resourceId}").ExpectAsync(HttpStatusCode.OK);

        await admin.DecideAsync("organizations", organization.Id, "restore", "조사 종결");

        await anonymous.GetAsync($"/api/v1/resources/{resourceId}").ExpectAsync(HttpStatusCode.OK);
        (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        var actions = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?subjectId={organization.Id}"))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["organization.restore", "organization.suspend", "organization.verify"]);
    }

    [Fact]
    public async Task Administrators_deciding_at_once_decide_once_one_audit_entry_and_one_email_per_member()
    {
        var ownerEmail = ApiClient.NewEmail("owner");
        using var owner = await _app.SignedInResidentAsync(ownerEmail);
        var organizationId = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "동시 심사 협동조합"));
        var admins = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _app.AdministratorAsync()));
        try
        {
            var responses = await Task.WhenAll(admins.Select((admin, i) => i % 2 == 0
                ? admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/verify", new { reason = $"확인 {i}" })
                : admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/reject", new { reason = $"반려 {i}" })));

            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            statuses.Count(s => s == 204).ShouldBe(1, string.Join(", ", statuses));
            statuses.ShouldAllBe(s => s == 204 || s == 409 || s == 422, string.Join(", ", statuses));
            foreach (var response in responses)
                response.Dispose();

            var (status, entries) = await _app.QueryAsync(async db => (
                await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Status).SingleAsync(),
                await db.AuditEntries.Where(a => a.SubjectId == organizationId).Select(a => a.Action).ToListAsync()));
            var entry = entries.ShouldHaveSingleItem();
            entry.ShouldBe(status == SharingPlatform.Domain.Organizations.OrganizationStatus.Verified ? "organization.verify" : "organization.reject");
            await _app.Mailbox.WaitForAsync(ownerEmail, m => (m.Subject ?? "").Contains("동시 심사 협동조합"));
            await Task.Delay(1000);
            _app.Mailbox.To(ownerEmail).Count(m => (m.Subject ?? "").Contains("동시 심사 협동조합")).ShouldBe(1);
        }
        finally
        {
            foreach (var admin in admins)
                admin.Dispose();
        }
    }
}
