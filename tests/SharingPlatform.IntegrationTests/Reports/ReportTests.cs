using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingPlatform.Domain.Users;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Reports;

/// <summary>Reports and the administrators' moderation queue, through the API and the pages.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private async Task<Guid> PublishedResourceAsync()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        return await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title: $"{CatalogClient.NewHangulWord()} 회의실"));
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, string subjectType, Guid subjectId, string reason = "spam", string? details = null) =>
        client.PostAsJsonAsync("/api/v1/reports", new { subjectType, subjectId, reason, details });

    private static async Task<Guid> ReportedAsync(HttpClient client, string subjectType, Guid subjectId, string reason = "spam", string? details = null) =>
        await CatalogClient.CreatedIdAsync(ReportAsync(client, subjectType, subjectId, reason, details));

    private static async Task ExpectProblemAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string code) =>
        (await request.ExpectAsync(status)).GetProperty("code").GetString().ShouldBe(code);

    private static JsonElement? Group(JsonElement page, Guid subjectId) =>
        page.GetProperty("items").EnumerateArray().Where(g => g.GetProperty("subjectId").GetGuid() == subjectId).Select(g => (JsonElement?)g).SingleOrDefault();

    [Fact]
    public async Task Two_reports_of_one_resource_queue_as_one_subject_and_each_reporter_is_told_the_decision_with_its_note()
    {
        var resourceId = await PublishedResourceAsync();
        using var first = await _app.PersonAsync();
        using var second = await _app.PersonAsync(Language.English, "Emma");
        var firstReport = await ReportedAsync(first.Client, "resource", resourceId, "inappropriate", "사진이 다릅니다");
        var secondReport = await ReportedAsync(second.Client, "resource", resourceId, "fraud");
        using var admin = await _app.AdministratorAsync();

        var groups = await admin.GetAsync("/api/v1/admin/reports?subjectType=resource&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var group = Group(groups, resourceId).ShouldNotBeNull();
        group.GetProperty("openCount").GetInt32().ShouldBe(2);
        group.GetProperty("subjectType").GetString().ShouldBe("resource");
        group.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["inappropriate", "fraud"]);
        Group(await admin.GetAsync("/api/v1/admin/reports?reason=fraud&pageSize=100").ExpectAsync(HttpStatusCode.OK), resourceId).ShouldNotBeNull();
        Group(await admin.GetAsync("/api/v1/admin/reports?reason=safety&pageSize=100").ExpectAsync(HttpStatusCode.OK), resourceId).ShouldBeNull();

        await admin.GetAsync("/api/v1/admin/queue?kind=everything").ExpectAsync(HttpStatusCode.BadRequest);
        await admin.GetAsync("/api/v1/admin/queue?municipality=seoul").ExpectAsync(HttpStatusCode.BadRequest);
        var queue = await admin.GetAsync("/api/v1/admin/queue?kind=reports").ExpectAsync(HttpStatusCode.OK);
        queue.GetProperty("organizations").GetArrayLength().ShouldBe(0);
        var queued = queue.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("subjectId").GetGuid() == resourceId);
        queued.GetProperty("openCount").GetInt32().ShouldBe(2);
        queued.GetProperty("title").GetString()!.ShouldEndWith("회의실");

        await admin.PostAsJsonAsync($"/api/v1/admin/reports/{firstReport}/resolve", new { note = "게시물을 정지했습니다" }).ExpectAsync(HttpStatusCode.NoContent);
        await admin.PostAsJsonAsync($"/api/v1/admin/reports/{secondReport}/dismiss", new { note = "Nothing wrong found" }).ExpectAsync(HttpStatusCode.NoContent);

        var told = (await first.NotificationsAsync("reportDecided", resourceId)).ShouldHaveSingleItem();
        told.Body().ShouldContain("게시물을 정지했습니다");
        told.Title().ShouldContain("조치했습니다");
        var toldInEnglish = (await second.NotificationsAsync("reportDecided", resourceId)).ShouldHaveSingleItem();
        toldInEnglish.Body().ShouldContain("Nothing wrong found");
        toldInEnglish.Title().ShouldContain("no action");

        var audit = await admin.GetAsync($"/api/v1/admin/audit?subjectType=report&subjectId={firstReport}").ExpectAsync(HttpStatusCode.OK);
        var entry = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("action").GetString().ShouldBe("report.resolve");
        entry.GetProperty("reason").GetString().ShouldBe("게시물을 정지했습니다");

        var subject = await admin.GetAsync($"/api/v1/admin/reports/subjects/resource/{resourceId}").ExpectAsync(HttpStatusCode.OK);
        subject.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order().ShouldBe(["dismissed", "resolved"]);
        Group(await admin.GetAsync("/api/v1/admin/reports?pageSize=100").ExpectAsync(HttpStatusCode.OK), resourceId).ShouldBeNull();
    }

    [Fact]
    public async Task A_second_open_report_of_the_same_subject_is_409_even_when_many_arrive_at_once()
    {
        var resourceId = await PublishedResourceAsync();
        using var person = await _app.PersonAsync();
        await ReportedAsync(person.Client, "resource", resourceId);
        await ExpectProblemAsync(ReportAsync(person.Client, "resource", resourceId, "fraud"), HttpStatusCode.Conflict, "already_reported");

        using var racer = await _app.PersonAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReportAsync(racer.Client, "resource", resourceId)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe("already_reported");
        }
    }

    [Fact]
    public async Task After_a_dismissal_the_same_person_may_report_again()
    {
        var resourceId = await PublishedResourceAsync();
        using var person = await _app.PersonAsync();
        var reportId = await ReportedAsync(person.Client, "resource", resourceId);
        using var admin = await _app.AdministratorAsync();
        await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/dismiss", new { note = "문제없음" }).ExpectAsync(HttpStatusCode.NoContent);

        await ReportedAsync(person.Client, "resource", resourceId, "other", "다시 광고가 올라왔습니다");
    }

    [Fact]
    public async Task What_one_cannot_see_is_404_oneself_is_422_and_a_bad_reason_is_a_validation_problem()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var draft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        using var person = await _app.PersonAsync();

        await ReportAsync(person.Client, "resource", draft).ExpectAsync(HttpStatusCode.NotFound);
        await ReportAsync(person.Client, "circle", Guid.NewGuid()).ExpectAsync(HttpStatusCode.NotFound);
        await ReportAsync(person.Client, "user", Guid.NewGuid()).ExpectAsync(HttpStatusCode.NotFound);
        await ExpectProblemAsync(ReportAsync(person.Client, "user", person.Id), HttpStatusCode.UnprocessableEntity, "cannot_report_yourself");
        var invalid = await ReportAsync(person.Client, "resource", draft, "boring").ExpectAsync(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var noDetails = await ReportAsync(person.Client, "resource", draft, "other").ExpectAsync(HttpStatusCode.BadRequest);
        noDetails.GetProperty("errors").TryGetProperty("details", out _).ShouldBeTrue();
        using var anonymous = _app.NewClient();
        await ReportAsync(anonymous, "resource", draft).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_administrators_deciding_one_report_at_once_make_one_decision()
    {
        using var reporter = await _app.PersonAsync();
        using var reported = await _app.PersonAsync();
        var reportId = await ReportedAsync(reporter.Client, "user", reported.Id, "safety");
        using var admin = await _app.AdministratorAsync();
        using var otherAdmin = await _app.AdministratorPersonAsync();

        var answers = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/resolve", new { note = "경고했습니다" }),
            otherAdmin.Client.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/dismiss", new { note = "문제없음" }));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.NoContent, HttpStatusCode.Conflict]);
        (await reporter.NotificationsAsync("reportDecided")).Count.ShouldBe(1);
        var audit = await admin.GetAsync($"/api/v1/admin/audit?subjectType=report&subjectId={reportId}").ExpectAsync(HttpStatusCode.OK);
        audit.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Residents_get_403_from_the_admin_report_routes_and_404_from_the_admin_subject_page()
    {
        using var person = await _app.PersonAsync();
        using var other = await _app.PersonAsync();
        var reportId = await ReportedAsync(person.Client, "user", other.Id);

        await person.Client.GetAsync("/api/v1/admin/reports").ExpectAsync(HttpStatusCode.Forbidden);
        await person.Client.GetAsync($"/api/v1/admin/reports/subjects/user/{other.Id}").ExpectAsync(HttpStatusCode.Forbidden);
        await person.Client.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/resolve", new { note = "x" }).ExpectAsync(HttpStatusCode.Forbidden);
        await person.Client.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/dismiss", new { note = "x" }).ExpectAsync(HttpStatusCode.Forbidden);

        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);
        (await site.GetAsync($"/Admin/Reports/Subject?subjectType=user&subjectId={other.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_suspends_a_reported_person_from_the_subject_page_and_their_token_stops_working()
    {
        using var reporter = await _app.PersonAsync();
        using var reported = await _app.PersonAsync();
        await ReportedAsync(reporter.Client, "user", reported.Id, "fraud", "다른 사람 행세");
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var path = $"/Admin/Reports/Subject?subjectType=user&subjectId={reported.Id}";

        var page = WebUtility.HtmlDecode(await site.GetStringAsync(path));
        page.ShouldContain($"href=\"/Admin/Users/Details/{reported.Id}\"");
        var suspended = await site.PostFormAsync($"{path}&handler=Suspend", new Dictionary<string, string> { ["reason"] = "사칭 신고 확인" });
        suspended.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);

        await reported.Client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.Unauthorized);
        using var admin = await _app.AdministratorAsync();
        var standing = await admin.GetAsync($"/api/v1/admin/users/{reported.Id}").ExpectAsync(HttpStatusCode.OK);
        standing.GetProperty("suspensionReason").GetString().ShouldBe("사칭 신고 확인");
    }

    [Fact]
    public async Task The_report_page_files_a_report_confirms_it_in_korean_and_refuses_a_second_in_the_pages_language()
    {
        var resourceId = await PublishedResourceAsync();
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);
        var path = $"/Reports/New?subjectType=resource&subjectId={resourceId}";

        var details = WebUtility.HtmlDecode(await site.GetStringAsync($"/Resources/Details/{resourceId}"));
        details.ShouldContain("신고하기");
        var missingReason = await site.PostFormAsync(path, new Dictionary<string, string> { ["Details"] = "" });
        missingReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await missingReason.Content.ReadAsStringAsync()).ShouldContain("신고 사유를 고르세요.");

        var filed = await site.PostFormAsync(path, new Dictionary<string, string> { ["Reason"] = "Spam", ["Details"] = "광고입니다" });
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirmation = WebUtility.HtmlDecode(await site.GetStringAsync(filed.Headers.Location!.ToString()));
        confirmation.ShouldContain("신고를 접수했습니다.");

        var again = await site.PostFormAsync($"{path}&culture=en", new Dictionary<string, string> { ["Reason"] = "Fraud" });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).ShouldContain("You have already reported this.");

        (await site.GetAsync($"/Reports/New?subjectType=resource&subjectId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reporting_is_rate_limited_per_person()
    {
        await using var app = new AppFactory(new AppFactory.Settings("reportlimit", RunJobServer: false,
            Overrides: new Dictionary<string, string?> { ["RateLimiting:ReportsPerHour"] = "2" }));
        await app.StartAsync();
        var people = await app.PeopleAsync(5);
        try
        {
            await ReportedAsync(people[0].Client, "user", people[1].Id);
            await ReportedAsync(people[0].Client, "user", people[2].Id);
            var limited = await ReportAsync(people[0].Client, "user", people[3].Id).ExpectAsync(HttpStatusCode.TooManyRequests);
            limited.GetProperty("status").GetInt32().ShouldBe(429);
            using var again = await ReportAsync(people[0].Client, "user", people[4].Id);
            again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            again.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
            await ReportedAsync(people[4].Client, "user", people[3].Id);

            // The report page shares the person's allowance and says so in the page's language.
            using var site = app.NewClient(followRedirects: false);
            await site.SignInAsync(people[0].Email, ApiClient.Password);
            var page = await site.PostFormAsync($"/Reports/New?subjectType=user&subjectId={people[3].Id}", new Dictionary<string, string> { ["Reason"] = "Spam" });
            page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).ShouldContain("요청이 너무 많습니다");
        }
        finally
        {
            foreach (var person in people)
                person.Dispose();
        }
    }
}
