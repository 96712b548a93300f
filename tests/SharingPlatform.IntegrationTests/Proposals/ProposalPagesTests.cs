using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Proposals;

/// <summary>The proposal pages: reading without an account, the propose form, support and its withdrawal, and the take-up form.</summary>
[Collection(AppCollection.Name)]
public sealed class ProposalPagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Anyone_reads_the_list_and_a_proposal_with_its_link_preview_in_korean_or_english()
    {
        using var proposer = await _app.PersonAsync();
        var title = $"{CatalogClient.NewHangulWord()} 공구 도서관";
        var id = (await proposer.Client.PostAsJsonAsync("/api/v1/proposals", new { title, description = "주말에 쓸 전동 드릴이 필요합니다.", category = "equipment", municipality = "gimje" })
            .ExpectAsync(HttpStatusCode.Created)).Id();

        using var anonymous = _app.NewClient(followRedirects: false);
        var list = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Proposals?municipality=gimje&sort=Newest&category=Equipment&status=Open"));
        list.ShouldContain($"href=\"/Proposals/{id}\">{title}</a>");
        list.ShouldContain("0명 지지");
        list.ShouldContain("지지 모으는 중");

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Proposals/{id}"));
        page.ShouldContain($">{title}</h1>");
        page.ShouldContain("주말에 쓸 전동 드릴이 필요합니다.");
        page.ShouldContain($"<meta property=\"og:title\" content=\"{title}\"");
        page.ShouldContain("<meta property=\"og:description\" content=\"주말에 쓸 전동 드릴이 필요합니다.\"");
        page.ShouldContain("로그인하면 이 제안을 지지할 수 있습니다.");
        page.ShouldNotContain("handler=Support");

        var english = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Proposals/{id}?culture=en"));
        english.ShouldContain("Supported by 0");
        english.ShouldContain("Gathering support");

        (await anonymous.GetAsync($"/Proposals/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await anonymous.GetAsync("/Proposals?sort=loudest");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("id=\"error-summary\"");
    }

    [Fact]
    public async Task A_signed_in_person_proposes_through_the_form_and_lands_on_the_proposal()
    {
        using var proposer = await _app.PersonAsync();
        using var site = await SiteAsync(proposer);
        var title = $"{CatalogClient.NewHangulWord()} 마을 회의실";

        var posted = await site.PostFormAsync("/Proposals/New", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "저녁에 모일 곳이 없습니다.",
            ["Input.Category"] = "Space",
            ["Input.Municipality"] = "namwon",
        });

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await _app.QueryAsync(db => db.Proposals.Where(p => p.ProposerId == proposer.Id).ToListAsync());
        var proposal = saved.ShouldHaveSingleItem();
        proposal.Title.ShouldBe(title);
        proposal.Municipality.ShouldBe("namwon");
        posted.Headers.Location!.ToString().ShouldBe($"/Proposals/{proposal.Id}");
        var page = WebUtility.HtmlDecode(await site.GetStringAsync(posted.Headers.Location));
        page.ShouldContain("제안을 올렸습니다.");
        page.ShouldContain(title);
        page.ShouldContain("저녁에 모일 곳이 없습니다.");
    }

    [Fact]
    public async Task Bad_input_on_the_form_shows_each_fields_error_and_creates_nothing()
    {
        using var proposer = await _app.PersonAsync();
        using var site = await SiteAsync(proposer);

        var refused = await site.PostFormAsync("/Proposals/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "  ",
            ["Input.Description"] = "",
            ["Input.Category"] = "",
            ["Input.Municipality"] = "seoul",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"error-summary\"");
        html.ShouldContain("<a href=\"#Input_Title\">제안 제목을 입력하세요.</a>");
        html.ShouldContain("분류를 고르세요.");
        html.ShouldContain("전북의 14개 시군 중 하나를 고르세요.");

        var english = await site.PostFormAsync("/Proposals/New?culture=en", new Dictionary<string, string>
        {
            ["Input.Title"] = new string('가', 121),
            ["Input.Category"] = "Castle",
            ["Input.Municipality"] = "jeonju",
        });
        var englishHtml = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        englishHtml.ShouldContain("Keep the title to 120 characters or fewer.");
        englishHtml.ShouldContain("id=\"error-summary\"");

        (await _app.QueryAsync(db => db.Proposals.CountAsync(p => p.ProposerId == proposer.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Supporting_and_withdrawing_through_the_page_changes_the_count()
    {
        using var proposer = await _app.PersonAsync();
        var id = (await proposer.Client.PostAsJsonAsync("/api/v1/proposals", new { title = "공유 자전거 보관소", category = "space", municipality = "iksan" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        using var supporter = await _app.PersonAsync();
        using var site = await SiteAsync(supporter);
        var path = $"/Proposals/{id}";

        var supported = await site.PostFormAsync($"{path}?handler=Support", new Dictionary<string, string>());
        supported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await site.GetStringAsync(path));
        page.ShouldContain("제안을 지지했습니다.");
        page.ShouldContain("<dd class=\"col-sm-9\" id=\"support-count\">1명 지지</dd>");
        page.ShouldContain("지지 거두기");
        (await _app.QueryAsync(db => db.ProposalSupports.CountAsync(s => s.ProposalId == id))).ShouldBe(1);

        var withdrawn = await site.PostFormAsync($"{path}?handler=Withdraw", new Dictionary<string, string>());
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await site.GetStringAsync(path));
        after.ShouldContain("지지를 거두었습니다.");
        after.ShouldContain("<dd class=\"col-sm-9\" id=\"support-count\">0명 지지</dd>");
        (await _app.QueryAsync(db => db.ProposalSupports.CountAsync(s => s.ProposalId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_takes_a_proposal_up_on_its_page_with_a_listing_of_their_organization()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var proposer = await _app.PersonAsync();
        var id = (await proposer.Client.PostAsJsonAsync("/api/v1/proposals", new { title = "야외 천막", category = "goods", municipality = "jeonju" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        var path = $"/Proposals/{id}";

        using var stranger = await SiteAsync(proposer);
        WebUtility.HtmlDecode(await stranger.GetStringAsync(path)).ShouldNotContain("handler=TakeUp");

        using var member = _app.NewClient(followRedirects: false);
        await member.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var page = WebUtility.HtmlDecode(await member.GetStringAsync(path));
        page.ShouldContain($"<option value=\"{resourceId}\">");

        var missing = await member.PostFormAsync($"{path}?handler=TakeUp", new Dictionary<string, string> { ["ResourceId"] = "" });
        WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()).ShouldContain("연결할 공유자원을 고르세요.");
        var foreign = await member.PostFormAsync($"{path}?handler=TakeUp", new Dictionary<string, string> { ["ResourceId"] = Guid.NewGuid().ToString() });
        WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()).ShouldContain("내 단체가 공개한 자원만 연결할 수 있습니다.");

        (await member.PostFormAsync($"{path}?handler=TakeUp", new Dictionary<string, string> { ["ResourceId"] = resourceId.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = _app.NewClient();
        var taken = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
        taken.ShouldContain("공유자원으로 연결됨");
        taken.ShouldContain($"href=\"/Resources/Details/{resourceId}\"");
    }

    [Fact]
    public async Task An_administrator_declines_on_the_page_only_with_a_reason_which_everyone_then_reads()
    {
        using var proposer = await _app.PersonAsync();
        var id = (await proposer.Client.PostAsJsonAsync("/api/v1/proposals", new { title = "드론 촬영 장비", category = "equipment", municipality = "buan" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        var path = $"/Proposals/{id}";
        using var resident = await SiteAsync(proposer);
        WebUtility.HtmlDecode(await resident.GetStringAsync(path)).ShouldNotContain("handler=Decline");

        using var admin = _app.NewClient(followRedirects: false);
        await admin.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var refused = await admin.PostFormAsync($"{path}?handler=Decline", new Dictionary<string, string> { ["Reason"] = " " });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#Reason\">사유를 입력하세요.</a>");
        (await _app.QueryAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).ShouldBe(Domain.Proposals.ProposalStatus.Open);

        (await admin.PostFormAsync($"{path}?handler=Decline", new Dictionary<string, string> { ["Reason"] = "안전 기준에 맞지 않습니다" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = _app.NewClient();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
        page.ShouldContain("<dd class=\"col-sm-9\" id=\"proposal-status\">거절됨</dd>");
        page.ShouldContain("안전 기준에 맞지 않습니다");
        WebUtility.HtmlDecode(await resident.GetStringAsync(path)).ShouldContain("처리가 끝난 제안이라 더 지지할 수 없습니다.");
    }

    private async Task<HttpClient> SiteAsync(Person person)
    {
        var client = _app.NewClient(followRedirects: false);
        await client.SignInAsync(person.Email, ApiClient.Password);
        return client;
    }
}
