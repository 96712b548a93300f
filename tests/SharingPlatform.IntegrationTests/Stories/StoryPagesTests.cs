using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Stories;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Stories;

/// <summary>The story pages: a member writes through the form, an administrator approves on the story's page, anyone reads it.</summary>
[Collection(AppCollection.Name)]
public sealed class StoryPagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private async Task<HttpClient> SiteAsync(string email, string password)
    {
        var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, password);
        return site;
    }

    [Fact]
    public async Task A_member_writes_through_the_form_an_administrator_approves_on_its_page_and_anyone_reads_it()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var member = await SiteAsync(organization.OwnerEmail, ApiClient.Password);
        var title = $"{CatalogClient.NewHangulWord()} 공구함 이야기";

        var posted = await member.PostFormAsync("/Stories/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.OrganizationId"] = organization.Id.ToString(),
            ["Input.BodyMarkdown"] = "## 한 해 동안\n\n**드릴**을 마흔 번 빌려 주었습니다.",
            ["Input.Links"] = $"http://localhost/Resources/Details/{resourceId}",
        });

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var story = await _app.QueryAsync(db => db.Stories.Include(s => s.Links).SingleAsync(s => s.Title == title));
        story.Status.ShouldBe(StoryStatus.PendingReview);
        story.Links.ShouldBe([new StoryLink(StoryLinkType.Resource, resourceId)]);
        posted.Headers.Location!.ToString().ShouldBe($"/Stories/{story.Id}");
        var waiting = WebUtility.HtmlDecode(await member.GetStringAsync(posted.Headers.Location));
        waiting.ShouldContain("도 관리자가 확인한 뒤 공개됩니다.");
        waiting.ShouldContain("id=\"story-status\"");

        using var anonymous = _app.NewClient(followRedirects: false);
        (await anonymous.GetAsync($"/Stories/{story.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var admin = await SiteAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Review?kind=Stories")).ShouldContain($"href=\"/Stories/{story.Id}\">{title}</a>");
        (await admin.PostFormAsync($"/Stories/{story.Id}?handler=Approve", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Stories/{story.Id}"));
        page.ShouldContain($">{title}</h1>");
        page.ShouldContain("<strong>드릴</strong>");
        page.ShouldContain($"<meta property=\"og:title\" content=\"{title}\"");
        page.ShouldContain($"href=\"/Resources/Details/{resourceId}\"");
        page.ShouldNotContain("id=\"story-status\"");
        WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Stories")).ShouldContain($"href=\"/Stories/{story.Id}\">{title}</a>");
        WebUtility.HtmlDecode(await anonymous.GetStringAsync("/")).ShouldContain(title);
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Stories/{story.Id}?culture=en")).ShouldContain("Places in this story");
    }

    [Fact]
    public async Task A_bad_form_shows_its_errors_in_place_and_writes_nothing_and_a_resident_is_told_who_writes()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var member = await SiteAsync(organization.OwnerEmail, ApiClient.Password);
        var before = await _app.QueryAsync(db => db.Stories.CountAsync(s => s.OrganizationId == organization.Id));

        var refused = await member.PostFormAsync("/Stories/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.OrganizationId"] = organization.Id.ToString(),
            ["Input.BodyMarkdown"] = "본문",
            ["Input.Links"] = "https://example.com/somewhere",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"error-summary\"");
        html.ShouldContain("'https://example.com/somewhere'은(는) 공유자원, 공유실험실, 학습동아리 페이지의 주소가 아닙니다.");
        var empty = await member.PostFormAsync("/Stories/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.OrganizationId"] = organization.Id.ToString(),
            ["Input.BodyMarkdown"] = "",
        });
        var emptyHtml = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        emptyHtml.ShouldContain("본문을 입력하세요.");
        (await _app.QueryAsync(db => db.Stories.CountAsync(s => s.OrganizationId == organization.Id))).ShouldBe(before);

        using var resident = await _app.PersonAsync();
        using var residentSite = await SiteAsync(resident.Email, ApiClient.Password);
        var form = WebUtility.HtmlDecode(await residentSite.GetStringAsync("/Stories/Edit"));
        form.ShouldContain("id=\"story-not-allowed\"");
        form.ShouldNotContain("name=\"Input.Title\"");
    }
}
