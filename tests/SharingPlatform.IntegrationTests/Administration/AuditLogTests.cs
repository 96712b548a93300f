using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Moderation;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Administration;

[Collection(AppCollection.Name)]
public sealed class AuditLogTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Each_decision_records_the_state_before_and_after()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var _ = organization;
        using var admin = await _app.AdministratorAsync();

        await admin.DecideAsync("organizations", organization.Id, "suspend", "서류 위조 의심");
        await admin.DecideAsync("organizations", organization.Id, "restore", "소명 확인");

        var entries = (await admin.GetAsync($"/api/v1/admin/audit?subjectId={organization.Id}").ExpectAsync(HttpStatusCode.OK)).AuditItems();
        entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("before").GetString(), e.GetProperty("after").GetString())).ShouldBe(
        [
            ("organization.restore", "suspended", "verified"),
            ("organization.suspend", "verified", "suspended"),
            ("organization.verify", "pending", "verified"),
        ]);
    }

    [Fact]
    public async Task The_log_filters_by_actor_subject_type_action_and_Seoul_dates()
    {
        using var person = await _app.PersonAsync();
        using var second = await _app.AdministratorPersonAsync();
        using var admin = await _app.AdministratorAsync();
        await second.Client.SuspendAsync(person.Id, "필터 시험");
        await admin.PostAsJsonAsync($"/api/v1/admin/users/{person.Id}/restore", new { }).ExpectAsync(HttpStatusCode.NoContent);
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().ToOffset(BookingClient.Kst).DateTime).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.FromDateTime(_app.Clock.GetUtcNow().ToOffset(BookingClient.Kst).DateTime).AddDays(1).ToString("yyyy-MM-dd");

        var bySecond = (await admin.GetAsync($"/api/v1/admin/audit?actorId={second.Id}").ExpectAsync(HttpStatusCode.OK)).AuditItems();
        bySecond.ShouldHaveSingleItem().GetProperty("action").GetString().ShouldBe("user.suspend");
        var restores = (await admin.GetAsync($"/api/v1/admin/audit?subjectType=user&subjectId={person.Id}&action=user.restore").ExpectAsync(HttpStatusCode.OK)).AuditItems();
        restores.ShouldHaveSingleItem().GetProperty("before").GetString().ShouldBe("suspended");
        (await admin.GetAsync($"/api/v1/admin/audit?subjectId={person.Id}&from={today}&to={today}").ExpectAsync(HttpStatusCode.OK)).AuditItems().Count.ShouldBe(2);
        (await admin.GetAsync($"/api/v1/admin/audit?subjectId={person.Id}&from={tomorrow}").ExpectAsync(HttpStatusCode.OK)).AuditItems().ShouldBeEmpty();
        await admin.GetAsync($"/api/v1/admin/audit?from={tomorrow}&to={today}").ExpectAsync(HttpStatusCode.BadRequest);

        using var browser = _app.NewClient(followRedirects: false);
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Admin/Audit?subjectId={person.Id}&actorId={second.Id}"));
        page.ShouldContain("필터 시험");
        page.ShouldContain("<td>이용 정지</td>");
        page.ShouldNotContain("이용 정지 해제</td>");
        page.ShouldContain("이용 중 <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">에서 다음으로:</span> 정지됨");
        page.ShouldContain($"<a href=\"/Admin/Users/Details/{person.Id}\">테스트 주민</a>");
    }

    [Fact]
    public void Every_moderation_decision_is_one_of_the_logs_actions_and_worded_in_both_languages()
    {
        var decisions = typeof(ModerationCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ModerationCommand)) && !t.IsAbstract)
            .Select(t => ((ModerationCommand)Activator.CreateInstance(t, Guid.NewGuid(), null)!).AuditAction())
            .ToList();
        decisions.Count.ShouldBeGreaterThan(20);
        decisions.Except(AuditActions.All).ShouldBeEmpty();

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SharingPlatform.sln")))
            root = root.Parent!;
        foreach (var file in new[] { "SiteText.resx", "SiteText.en.resx" })
        {
            var keys = System.Xml.Linq.XDocument.Load(Path.Combine(root.FullName, "src/SharingPlatform.Web/Resources", file)).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            AuditActions.All.Where(action => !keys.Contains($"AuditAction_{action}")).ShouldBeEmpty(file);
        }
    }

    [Fact]
    public async Task Non_administrators_cannot_read_the_log()
    {
        using var person = await _app.PersonAsync();
        await person.Client.GetAsync($"/api/v1/admin/audit?actorId={person.Id}").ExpectAsync(HttpStatusCode.Forbidden);
    }
}

internal static class AuditJson
{
    public static IReadOnlyList<JsonElement> AuditItems(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();
}
