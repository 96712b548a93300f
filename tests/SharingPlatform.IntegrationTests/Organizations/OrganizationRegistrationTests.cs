using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Organizations;

[Collection(AppCollection.Name)]
public sealed class OrganizationRegistrationTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_resident_registers_an_organization_becomes_its_owner_and_it_waits_for_an_administrator()
    {
        using var owner = await _app.SignedInResidentAsync(displayName: "박조합");
        var number = CatalogClient.NewBusinessRegistrationNumber();
        var body = CatalogClient.OrganizationBody(number, name: "완주 로컬푸드 협동조합", municipality: "wanju");

        var created = await owner.PostAsJsonAsync("/api/v1/organizations", body).ExpectAsync(HttpStatusCode.Created);

        var id = created.Id();
        created.GetProperty("name").GetString().ShouldBe("완주 로컬푸드 협동조합");
        created.GetProperty("kind").GetString().ShouldBe("cooperative");
        created.GetProperty("businessRegistrationNumber").GetString().ShouldBe(number);
        created.GetProperty("municipality").GetString().ShouldBe("wanju");
        created.GetProperty("status").GetString().ShouldBe("pending");

        var me = await owner.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var mine = me.GetProperty("organizations").EnumerateArray().ShouldHaveSingleItem();
        mine.GetProperty("id").GetGuid().ShouldBe(id);
        mine.GetProperty("name").GetString().ShouldBe("완주 로컬푸드 협동조합");
        mine.GetProperty("role").GetString().ShouldBe("owner");

        // Pending: the public does not see it, its owner does.
        using var anonymous = _app.NewClient();
        await anonymous.GetAsync($"/api/v1/organizations/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await owner.GetAsync($"/api/v1/organizations/{id}").ExpectAsync(HttpStatusCode.OK);

        using var admin = await _app.AdministratorAsync();
        await admin.VerifyAsync(id);

        var seen = await anonymous.GetAsync($"/api/v1/organizations/{id}").ExpectAsync(HttpStatusCode.OK);
        seen.Id().ShouldBe(id);
        seen.GetProperty("name").GetString().ShouldBe("완주 로컬푸드 협동조합");
        seen.GetProperty("status").GetString().ShouldBe("verified");
        seen.GetProperty("kind").GetString().ShouldBe("cooperative");
        // Who works there is for its members and administrators, not for the public.
        seen.GetProperty("members").ValueKind.ShouldBe(JsonValueKind.Null);
        var insider = await owner.GetAsync($"/api/v1/organizations/{id}").ExpectAsync(HttpStatusCode.OK);
        insider.GetProperty("myRole").GetString().ShouldBe("owner");
        insider.GetProperty("members").EnumerateArray().ShouldHaveSingleItem().GetProperty("role").GetString().ShouldBe("owner");

        var mineList = await owner.GetAsync("/api/v1/organizations/mine").ExpectAsync(HttpStatusCode.OK);
        var listed = mineList.EnumerateArray().ShouldHaveSingleItem();
        listed.Id().ShouldBe(id);
        listed.GetProperty("status").GetString().ShouldBe("verified");
        listed.GetProperty("role").GetString().ShouldBe("owner");
    }

    [Theory]
    [InlineData("wrong check digit")]
    [InlineData("12345")]
    [InlineData("12345678ab")]
    public async Task An_invalid_business_registration_number_is_refused_with_400_on_that_field_and_nothing_is_stored(string kind)
    {
        using var owner = await _app.SignedInResidentAsync();
        var number = kind == "wrong check digit" ? CatalogClient.WithWrongCheckDigit(CatalogClient.NewBusinessRegistrationNumber()) : kind;
        var name = $"잘못된 번호 {Guid.NewGuid():N}";

        using var response = await owner.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(number, name: name));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        problem.GetProperty("errors").GetProperty("businessRegistrationNumber").GetArrayLength().ShouldBeGreaterThan(0);
        (await _app.QueryAsync(db => db.Organizations.AnyAsync(o => o.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_number_with_dashes_is_accepted_and_stored_as_ten_digits()
    {
        using var owner = await _app.SignedInResidentAsync();
        var number = CatalogClient.NewBusinessRegistrationNumber();
        var dashed = $"{number[..3]}-{number[3..5]}-{number[5..]}";

        var created = await owner.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(dashed)).ExpectAsync(HttpStatusCode.Created);

        created.GetProperty("businessRegistrationNumber").GetString().ShouldBe(number);
    }

    [Fact]
    public async Task A_taken_business_registration_number_is_a_409_with_its_code_and_a_sentence_in_the_readers_language()
    {
        using var first = await _app.SignedInResidentAsync();
        using var second = await _app.SignedInResidentAsync();
        var number = CatalogClient.NewBusinessRegistrationNumber();
        await first.RegisterOrganizationAsync(CatalogClient.OrganizationBody(number));

        using var korean = await second.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(number));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations") { Content = JsonContent.Create(CatalogClient.OrganizationBody(number)) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await second.SendAsync(request);

        korean.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await korean.ProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe("business_registration_number_taken");
        problem.GetProperty("detail").GetString()!.ShouldContain("사업자등록번호");
        english.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var inEnglish = await english.ProblemAsync();
        inEnglish.GetProperty("code").GetString().ShouldBe("business_registration_number_taken");
        inEnglish.GetProperty("detail").GetString()!.ShouldContain("already registered");
    }

    [Fact]
    public async Task The_register_page_says_a_taken_business_registration_number_on_its_input()
    {
        using var first = await _app.SignedInResidentAsync();
        var number = CatalogClient.NewBusinessRegistrationNumber();
        await first.RegisterOrganizationAsync(CatalogClient.OrganizationBody(number));
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);

        var page = await site.PostFormAsync("/Organizations/Register", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Cooperative",
            ["Input.Name"] = "나중에 등록한 조합",
            ["Input.BusinessRegistrationNumber"] = number,
            ["Input.Municipality"] = "jeonju",
            ["Input.Address"] = "전북특별자치도 전주시 완산구 풍남문로 1",
            ["Input.Phone"] = "063-123-4567",
            ["Input.Email"] = "coop@tests.sharing.example",
        });

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var error = html.IndexOf("id=\"Input_BusinessRegistrationNumber-error\"", StringComparison.Ordinal);
        error.ShouldBeGreaterThan(0);
        html[error..(error + 400)].ShouldContain("이미 등록된 단체가 있습니다");
        (await _app.QueryAsync(db => db.Organizations.CountAsync(o => o.BusinessRegistrationNumber == number))).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_business_registration_number_registered_twice_is_a_409_and_the_first_stays()
    {
        using var first = await _app.SignedInResidentAsync();
        using var second = await _app.SignedInResidentAsync();
        var number = CatalogClient.NewBusinessRegistrationNumber();
        var id = await first.RegisterOrganizationAsync(CatalogClient.OrganizationBody(number, name: "먼저 등록한 조합"));

        using var again = await second.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(number, name: "나중에 등록한 조합"));

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(409);
        var rows = await _app.QueryAsync(db => db.Organizations.Where(o => o.BusinessRegistrationNumber == number).Select(o => new { o.Id, o.Name }).ToListAsync());
        rows.ShouldHaveSingleItem().Id.ShouldBe(id);
        var me = await second.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("organizations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_rejected_claim_frees_the_number_for_its_real_holder()
    {
        using var squatter = await _app.SignedInResidentAsync();
        using var holder = await _app.SignedInResidentAsync();
        using var admin = await _app.AdministratorAsync();
        var number = CatalogClient.NewBusinessRegistrationNumber();
        var claim = await squatter.RegisterOrganizationAsync(CatalogClient.OrganizationBody(number, name: "남의 번호로 등록한 단체"));
        (await holder.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(number))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await admin.DecideAsync("organizations", claim, "reject", "사업자등록증의 상호와 다릅니다");

        var real = await holder.RegisterOrganizationAsync(CatalogClient.OrganizationBody(number, name: "진짜 협동조합"));
        await admin.VerifyAsync(real);
        (await squatter.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{claim}")).ValueKind.ShouldBe(JsonValueKind.Object);
        (await _app.QueryAsync(db => db.Organizations.CountAsync(o => o.BusinessRegistrationNumber == number))).ShouldBe(2);
    }

    [Fact]
    public async Task Twenty_concurrent_registrations_of_one_number_leave_exactly_one_organization_and_the_rest_get_409()
    {
        var number = CatalogClient.NewBusinessRegistrationNumber();
        var clients = await _app.ResidentsAsync(20);
        try
        {
            var responses = await Task.WhenAll(clients.Select((client, i) =>
                client.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody(number, name: $"경쟁 조합 {i}"))));

            var statuses = responses.Select(r => r.StatusCode).ToList();
            statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
            statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(19, string.Join(", ", statuses));
            foreach (var response in responses)
                response.Dispose();

            var (organizations, owners) = await _app.QueryAsync(async db =>
            {
                var ids = await db.Organizations.Where(o => o.BusinessRegistrationNumber == number).Select(o => o.Id).ToListAsync();
                var members = await db.OrganizationMembers.CountAsync(m => ids.Contains(m.OrganizationId));
                return (ids.Count, members);
            });
            organizations.ShouldBe(1);
            owners.ShouldBe(1);
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
    }

    [Fact]
    public async Task A_pending_organization_cannot_list_a_resource()
    {
        using var owner = await _app.SignedInResidentAsync();
        var organizationId = await owner.RegisterOrganizationAsync();

        using var response = await owner.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organizationId));

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_not_verified");
        (await _app.QueryAsync(db => db.Resources.AnyAsync(r => r.OrganizationId == organizationId))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_refusal_speaks_English_when_asked()
    {
        using var owner = await _app.SignedInResidentAsync();
        owner.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var organizationId = await owner.RegisterOrganizationAsync();

        using var response = await owner.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organizationId));

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        var problem = await response.ProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe("organization_not_verified");
        problem.GetProperty("detail").GetString()!.ShouldContain("verified organization");
    }

    [Fact]
    public async Task A_suspended_organization_cannot_submit_a_draft_for_review_its_members_change_nothing()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("organizations", organization.Id, "suspend", "민원 조사 중");

        using var response = await organization.Owner.PostAsync($"/api/v1/resources/{id}/submit", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_suspended");
        (await _app.QueryAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()))
            .ShouldBe(SharingPlatform.Domain.Resources.ResourceStatus.Draft);
    }

    [Fact]
    public async Task A_rejected_organization_cannot_list_a_resource_either()
    {
        using var owner = await _app.SignedInResidentAsync();
        var organizationId = await owner.RegisterOrganizationAsync();
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("organizations", organizationId, "reject", "사업자등록증과 이름이 다릅니다.");

        using var response = await owner.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organizationId));

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_not_verified");
        var status = await _app.QueryAsync(db => db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Status).SingleAsync());
        status.ShouldBe(OrganizationStatus.Rejected);
    }

    [Fact]
    public async Task Registering_and_listing_need_a_signed_in_person()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        using var anonymous = _app.NewClient();

        await anonymous.PostAsJsonAsync("/api/v1/organizations", CatalogClient.OrganizationBody()).ExpectAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id)).ExpectAsync(HttpStatusCode.Unauthorized);
        var edit = CatalogClient.ResourceBody(organization.Id, "익명 수정");
        edit["version"] = 1;
        await anonymous.PutAsJsonAsync($"/api/v1/resources/{resourceId}", edit).ExpectAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostAsync($"/api/v1/resources/{resourceId}/submit", null).ExpectAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = "x@tests.sharing.example", role = "owner" })
            .ExpectAsync(HttpStatusCode.Unauthorized);
        (await _app.QueryAsync(db => db.Resources.Where(r => r.Id == resourceId).Select(r => r.Status).SingleAsync()))
            .ShouldBe(SharingPlatform.Domain.Resources.ResourceStatus.Draft);
    }
}
