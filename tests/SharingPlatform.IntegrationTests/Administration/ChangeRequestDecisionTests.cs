using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.IntegrationTests.Resources;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Administration;

[Collection(AppCollection.Name)]
public sealed class ChangeRequestDecisionTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Administrators_approving_one_change_at_once_apply_it_once()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", await ChangeRequestTests.EditBodyAsync(organization, id, "경쟁 후 제목"))
            .ExpectAsync(HttpStatusCode.OK);
        using var lookup = await _app.AdministratorAsync();
        var requestId = await ChangeRequestTests.QueuedRequestAsync(lookup, id);
        var admins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.AdministratorAsync()));

        var answers = await Task.WhenAll(admins.Select(a => a.PostAsJsonAsync($"/api/v1/admin/change-requests/{requestId}/approve", new { reason = (string?)null })));

        answers.Count(a => a.StatusCode == HttpStatusCode.NoContent).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.NoContent).ShouldAllBe(a => a.StatusCode == HttpStatusCode.UnprocessableEntity);
        (await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectId == requestId))).ShouldBe(1);
        foreach (var client in admins)
            client.Dispose();
    }

    [Fact]
    public async Task The_change_review_page_lists_each_changed_field_before_and_after()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "원래 제목"));
        await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{id}", await ChangeRequestTests.EditBodyAsync(organization, id, "페이지에서 볼 제목"))
            .ExpectAsync(HttpStatusCode.OK);
        using var lookup = await _app.AdministratorAsync();
        var requestId = await ChangeRequestTests.QueuedRequestAsync(lookup, id);
        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var queue = await browser.GetStringAsync("/Admin/Review?kind=changes");
        queue.ShouldContain($"/Admin/Changes/{requestId}");
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/Admin/Changes/{requestId}"));
        page.ShouldContain("원래 제목");
        page.ShouldContain("페이지에서 볼 제목");

        var approved = await browser.PostFormAsync($"/Admin/Changes/{requestId}", new Dictionary<string, string> { ["decision"] = "approve" });
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = _app.NewClient();
        (await anonymous.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("title").GetString().ShouldBe("페이지에서 볼 제목");
    }

    [Fact]
    public async Task A_host_of_a_suspended_circle_gets_409_circle_suspended()
    {
        var (host, circleId, _) = await _app.CircleWithMembersAsync(0);
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("circles", circleId, "suspend", "운영 점검");

        using var response = await host.Client.PutAsJsonAsync($"/api/v1/circles/{circleId}", CircleClient.CircleBody("정지 중 고친 제목"));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("circle_suspended");
        using var meeting = await host.Client.ScheduleAsync(circleId, DateTimeOffset.UtcNow.AddDays(5));
        meeting.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await meeting.ProblemAsync()).GetProperty("code").GetString().ShouldBe("circle_suspended");
    }
}
