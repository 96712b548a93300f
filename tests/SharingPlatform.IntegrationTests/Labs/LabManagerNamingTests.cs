using System.Net;
using System.Net.Http.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>An owner of the organization names a lab's managers; a named manager runs the lab but does not choose who else does.</summary>
[Collection(AppCollection.Name)]
public sealed class LabManagerNamingTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_named_manager_who_is_not_an_owner_cannot_rename_the_managers_and_the_list_stays()
    {
        using var lab = await _app.PublishedLabAsync(4);
        var organization = lab.Organization;
        var staffEmail = ApiClient.NewEmail("manager");
        using var staff = await _app.SignedInResidentAsync(staffEmail, "담당자");
        await organization.Owner.AddMemberAsync(organization.Id, staff, staffEmail);
        await organization.Owner.PutAsJsonAsync($"/api/v1/labs/{lab.Id}/managers", new { emails = new[] { organization.OwnerEmail, staffEmail } })
            .ExpectAsync(HttpStatusCode.OK);

        using var refused = await staff.PutAsJsonAsync($"/api/v1/labs/{lab.Id}/managers", new { emails = new[] { staffEmail } });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var managers = (await staff.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("managers").EnumerateArray().Count();
        managers.ShouldBe(2);
        await staff.PostAsJsonAsync($"/api/v1/labs/{lab.Id}/equipment",
                new { name = "드릴", model = "D-1", description = "", requiresQualification = false, qualificationName = (string?)null })
            .ExpectAsync(HttpStatusCode.Created);
    }
}
