using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Organizations;

[Collection(AppCollection.Name)]
public sealed class OrganizationMembersTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task An_owner_adds_a_staff_member_by_email_who_can_then_list_resources_and_sees_the_organization_as_theirs()
    {
        using var organization = await _app.VerifiedOrganizationAsync("익산 공구도서관 사회적협동조합");
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail, "이직원");

        // Before: not a member, so the organization's resources are not theirs to create.
        await staff.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id)).ExpectAsync(HttpStatusCode.NotFound);

        var details = await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = staffEmail, role = "staff" })
            .ExpectAsync(HttpStatusCode.OK);
        details.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString()))
            .ShouldBe([(organization.OwnerEmail, "owner"), (staffEmail, "staff")], ignoreOrder: true);

        var me = await staff.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var mine = me.GetProperty("organizations").EnumerateArray().ShouldHaveSingleItem();
        mine.GetProperty("id").GetGuid().ShouldBe(organization.Id);
        mine.GetProperty("name").GetString().ShouldBe("익산 공구도서관 사회적협동조합");
        mine.GetProperty("role").GetString().ShouldBe("staff");

        var resource = await staff.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id, "전동 드릴 세트"))
            .ExpectAsync(HttpStatusCode.Created);
        resource.GetProperty("status").GetString().ShouldBe("draft");
        resource.GetProperty("organizationId").GetGuid().ShouldBe(organization.Id);
    }

    [Fact]
    public async Task A_staff_member_cannot_add_members()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail);
        await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = staffEmail, role = "staff" })
            .ExpectAsync(HttpStatusCode.OK);
        var outsiderEmail = ApiClient.NewEmail("outsider");
        using var outsider = await _app.SignedInResidentAsync(outsiderEmail);

        using var response = await staff.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = outsiderEmail, role = "owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
        (await _app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Someone_outside_the_organization_cannot_add_members_and_gets_404()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var outsiderEmail = ApiClient.NewEmail("outsider");
        using var outsider = await _app.SignedInResidentAsync(outsiderEmail);

        using var response = await outsider.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = outsiderEmail, role = "owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_an_email_nobody_registered_is_a_400_on_the_email_field()
    {
        using var organization = await _app.VerifiedOrganizationAsync();

        using var response = await organization.Owner.PostAsJsonAsync(
            $"/api/v1/organizations/{organization.Id}/members", new { email = ApiClient.NewEmail("nobody"), role = "staff" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemAsync()).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Adding_someone_who_is_already_a_member_is_refused_with_its_code()
    {
        using var organization = await _app.VerifiedOrganizationAsync();

        using var response = await organization.Owner.PostAsJsonAsync(
            $"/api/v1/organizations/{organization.Id}/members", new { email = organization.OwnerEmail, role = "staff" });

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("already_member");
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed_but_a_staff_member_can_and_then_loses_access()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var ownerId = (await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail);
        var staffId = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
        await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = staffEmail, role = "staff" })
            .ExpectAsync(HttpStatusCode.OK);

        using (var lastOwner = await organization.Owner.DeleteAsync($"/api/v1/organizations/{organization.Id}/members/{ownerId}"))
        {
            lastOwner.StatusCode.ShouldBe((HttpStatusCode)422);
            (await lastOwner.ProblemAsync()).GetProperty("code").GetString().ShouldBe("last_owner");
        }

        await organization.Owner.DeleteAsync($"/api/v1/organizations/{organization.Id}/members/{staffId}").ExpectAsync(HttpStatusCode.NoContent);

        (await _app.QueryAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == organization.Id).Select(m => m.UserId).ToListAsync()))
            .ShouldBe([ownerId]);
        await staff.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id)).ExpectAsync(HttpStatusCode.NotFound);
        (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organizations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task With_a_second_owner_the_first_may_leave()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var ownerId = (await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
        var secondEmail = ApiClient.NewEmail("owner2");
        using var second = await _app.SignedInResidentAsync(secondEmail);
        await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = secondEmail, role = "owner" })
            .ExpectAsync(HttpStatusCode.OK);

        await second.DeleteAsync($"/api/v1/organizations/{organization.Id}/members/{ownerId}").ExpectAsync(HttpStatusCode.NoContent);

        var me = await second.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("organizations").EnumerateArray().ShouldHaveSingleItem().GetProperty("role").GetString().ShouldBe("owner");
    }

    [Fact]
    public async Task Two_owners_removing_each_other_at_once_never_leave_the_organization_without_an_owner()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var organization = await _app.VerifiedOrganizationAsync();
            var firstId = (await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
            var secondEmail = ApiClient.NewEmail("owner2");
            var second = await _app.SignedInResidentAsync(secondEmail);
            var secondId = (await second.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
            await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = secondEmail, role = "owner" })
                .ExpectAsync(HttpStatusCode.OK);
            return (organization, second, firstId, secondId);
        }));
        try
        {
            var removals = await Task.WhenAll(pairs.SelectMany(p => new[]
            {
                p.organization.Owner.DeleteAsync($"/api/v1/organizations/{p.organization.Id}/members/{p.secondId}"),
                p.second.DeleteAsync($"/api/v1/organizations/{p.organization.Id}/members/{p.firstId}"),
            }));
            foreach (var removal in removals)
            {
                removal.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
                removal.Dispose();
            }

            foreach (var (organization, _, _, _) in pairs)
            {
                var owners = await _app.QueryAsync(db => db.OrganizationMembers
                    .CountAsync(m => m.OrganizationId == organization.Id && m.Role == SharingPlatform.Domain.Organizations.MemberRole.Owner));
                owners.ShouldBe(1);
            }
        }
        finally
        {
            foreach (var (organization, second, _, _) in pairs)
            {
                organization.Dispose();
                second.Dispose();
            }
        }
    }
}
