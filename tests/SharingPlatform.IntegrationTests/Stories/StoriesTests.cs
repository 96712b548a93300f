using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.IntegrationTests.Platform;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Stories;

/// <summary>Stories (공유 이야기): writing, the review queue for organizations, safe Markdown, the Atom feed, reports and suspension.</summary>
[Collection(AppCollection.Name)]
public sealed class StoriesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static object Body(string title, string bodyMarkdown = "완주 공구 도서관에서 드릴을 빌렸습니다.", Guid? organizationId = null, params object[] links) =>
        new { title, bodyMarkdown, organizationId, links };

    private static async Task<JsonElement> WriteAsync(HttpClient client, object body) =>
        await client.PostAsJsonAsync("/api/v1/stories", body).ExpectAsync(HttpStatusCode.Created);

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();

    [Fact]
    public async Task An_administrators_story_is_published_at_once_with_safe_html_its_public_links_and_in_the_list_feed_and_sitemap()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var admin = await _app.AdministratorAsync();
        var markdown = "## 나눔 장터\n\n<script>alert(1)</script> [안내](https://jb.example/guide) [나쁜 링크](javascript:alert(1))";

        var story = await WriteAsync(admin, Body("전북 나눔 장터 이야기", markdown, null, new { type = "resource", id = resourceId }));

        story.GetProperty("status").GetString().ShouldBe("published");
        var html = story.GetProperty("bodyHtml").GetString()!;
        html.ShouldContain("<h2");
        html.ShouldNotContain("<script");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("rel=\"nofollow ugc\"");
        html.ShouldNotContain("javascript:");
        var link = story.GetProperty("links").EnumerateArray().Single();
        link.GetProperty("type").GetString().ShouldBe("resource");
        link.GetProperty("id").GetGuid().ShouldBe(resourceId);
        link.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();

        using var anonymous = _app.NewClient();
        var read = await anonymous.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.OK);
        read.GetProperty("mayEdit").GetBoolean().ShouldBeFalse();
        var list = await anonymous.GetAsync("/api/v1/stories?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var card = list.GetProperty("items").EnumerateArray().Single(i => i.Id() == story.Id());
        card.GetProperty("summary").GetString()!.ShouldStartWith("나눔 장터");
        card.GetProperty("summary").GetString()!.ShouldNotContain("##");

        using var feedResponse = await anonymous.GetAsync("/stories.atom");
        feedResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        feedResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith($"/Stories/{story.Id()}", StringComparison.Ordinal));
        entry.Element(atom + "title")!.Value.ShouldBe("전북 나눔 장터 이야기");
        entry.Element(atom + "content")!.Attribute("type")!.Value.ShouldBe("html");
        entry.Element(atom + "content")!.Value.ShouldNotContain("<script");

        var sitemap = await anonymous.GetStringAsync("/sitemap.xml");
        sitemap.ShouldContain($"/Stories/{story.Id()}");
    }

    [Fact]
    public async Task An_organizations_story_waits_for_review_is_approved_then_an_edit_sends_it_back()
    {
        using var organization = await _app.VerifiedOrganizationAsync("완주 공구 협동조합");
        using var admin = await _app.AdministratorAsync();
        using var anonymous = _app.NewClient();

        var story = await WriteAsync(organization.Owner, Body("우리 공구함 한 해", organizationId: organization.Id));
        story.GetProperty("status").GetString().ShouldBe("pendingReview");
        story.GetProperty("mayEdit").GetBoolean().ShouldBeTrue();
        await anonymous.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        Ids(await anonymous.GetAsync("/api/v1/stories?pageSize=100").ExpectAsync(HttpStatusCode.OK)).ShouldNotContain(story.Id());
        Ids(await organization.Owner.GetAsync("/api/v1/stories?mine=true").ExpectAsync(HttpStatusCode.OK)).ShouldContain(story.Id());
        var queue = await admin.GetAsync("/api/v1/admin/queue?kind=stories").ExpectAsync(HttpStatusCode.OK);
        queue.GetProperty("stories").EnumerateArray().Select(s => s.Id()).ShouldContain(story.Id());

        (await admin.PostAsJsonAsync($"/api/v1/admin/stories/{story.Id()}/reject", new { reason = "" }).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await admin.DecideAsync("stories", story.Id(), "approve");

        var published = await anonymous.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.OK);
        published.GetProperty("status").GetString().ShouldBe("published");
        published.GetProperty("organizationName").GetString().ShouldBe("완주 공구 협동조합");
        (await organization.Owner.InboxAsync()).OfKind("storyApproved", story.Id()).Count.ShouldBe(1);
        (await _app.OutgoingEmailsToAsync(organization.OwnerEmail)).ShouldContain(e => e.Subject.Contains("우리 공구함 한 해", StringComparison.Ordinal));

        var edited = await organization.Owner.PutAsJsonAsync($"/api/v1/stories/{story.Id()}", Body("우리 공구함 두 해", organizationId: organization.Id))
            .ExpectAsync(HttpStatusCode.OK);
        edited.GetProperty("status").GetString().ShouldBe("pendingReview");
        await anonymous.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        await admin.DecideAsync("stories", story.Id(), "reject", "사진 출처를 밝혀 주세요.");
        (await organization.Owner.InboxAsync()).OfKind("storyRejected", story.Id()).Single().Body().ShouldContain("사진 출처를 밝혀 주세요.");
    }

    [Fact]
    public async Task Bad_input_is_a_clear_problem_and_writes_no_story()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var resident = await _app.PersonAsync();
        var draft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, "아직 비공개인 방"));
        var before = await _app.QueryAsync(db => db.Stories.CountAsync());

        (await resident.Client.PostAsJsonAsync("/api/v1/stories", Body("주민의 이야기")).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("story_needs_organization");
        await resident.Client.PostAsJsonAsync("/api/v1/stories", Body("남의 단체 이름으로", organizationId: organization.Id))
            .ExpectAsync(HttpStatusCode.Forbidden);
        (await organization.Owner.PostAsJsonAsync("/api/v1/stories", Body("비공개 연결", organizationId: organization.Id, links: new { type = "resource", id = draft }))
            .ExpectAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString().ShouldBe("story_link_not_public");
        (await organization.Owner.PostAsJsonAsync("/api/v1/stories", Body("이상한 연결", organizationId: organization.Id, links: new { type = "castle", id = draft }))
            .ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("links", out _).ShouldBeTrue();
        (await organization.Owner.PostAsJsonAsync("/api/v1/stories", Body("", "", organization.Id)).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["title", "bodyMarkdown"], ignoreOrder: true);
        using var anonymous = _app.NewClient();
        (await anonymous.PostAsJsonAsync("/api/v1/stories", Body("익명"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync($"/api/v1/stories/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);

        (await _app.QueryAsync(db => db.Stories.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Five_administrators_approving_at_once_make_one_decision_one_audit_entry_and_one_notice()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var story = await WriteAsync(organization.Owner, Body("동시에 승인된 이야기", organizationId: organization.Id));
        var admins = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
            admins.Add(await _app.AdministratorAsync());

        var answers = await Task.WhenAll(admins.Select(a => a.PostAsJsonAsync($"/api/v1/admin/stories/{story.Id()}/approve", new { reason = (string?)null })));

        answers.Count(a => a.StatusCode == HttpStatusCode.NoContent).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(4);
        (await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectId == story.Id() && e.Action == "story.approve"))).ShouldBe(1);
        (await organization.Owner.InboxAsync()).OfKind("storyApproved", story.Id()).Count.ShouldBe(1);
        foreach (var admin in admins)
            admin.Dispose();
    }

    [Fact]
    public async Task A_reported_story_is_suspended_out_of_list_and_feed_and_restored()
    {
        using var admin = await _app.AdministratorAsync();
        using var reporter = await _app.PersonAsync();
        using var anonymous = _app.NewClient();
        var story = await WriteAsync(admin, Body("신고될 이야기"));

        await reporter.Client.PostAsJsonAsync("/api/v1/reports", new { subjectType = "story", subjectId = story.Id(), reason = "spam", details = "광고" })
            .ExpectAsync(HttpStatusCode.Created);
        var reported = await admin.GetAsync($"/api/v1/admin/reports/subjects/story/{story.Id()}").ExpectAsync(HttpStatusCode.OK);
        reported.GetProperty("title").GetString().ShouldBe("신고될 이야기");
        await admin.DecideAsync("stories", story.Id(), "suspend", "광고 글");

        await anonymous.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        Ids(await anonymous.GetAsync("/api/v1/stories?pageSize=100").ExpectAsync(HttpStatusCode.OK)).ShouldNotContain(story.Id());
        (await anonymous.GetStringAsync("/stories.atom")).ShouldNotContain(story.Id().ToString());
        (await admin.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("suspended");
        (await admin.PutAsJsonAsync($"/api/v1/stories/{story.Id()}", Body("고친 제목")).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("story_not_editable");

        await admin.DecideAsync("stories", story.Id(), "restore");
        await anonymous.GetAsync($"/api/v1/stories/{story.Id()}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cover_photo_is_stored_replaced_and_removed_with_its_files()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var stranger = await _app.PersonAsync();
        var story = await WriteAsync(organization.Owner, Body("표지가 있는 이야기", organizationId: organization.Id));
        using var anonymous = _app.NewClient();

        await stranger.Client.PutAsync($"/api/v1/stories/{story.Id()}/cover", MatrixWorld.Png()).ExpectAsync(HttpStatusCode.NotFound);
        var first = (await organization.Owner.PutAsync($"/api/v1/stories/{story.Id()}/cover", MatrixWorld.Png()).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("cover").GetProperty("url").GetString()!;
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await organization.Owner.PutAsync($"/api/v1/stories/{story.Id()}/cover", MatrixWorld.Png()).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("cover").GetProperty("url").GetString()!;
        second.ShouldNotBe(first);
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var removed = await organization.Owner.DeleteAsync($"/api/v1/stories/{story.Id()}/cover").ExpectAsync(HttpStatusCode.OK);
        removed.GetProperty("cover").ValueKind.ShouldBe(JsonValueKind.Null);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
