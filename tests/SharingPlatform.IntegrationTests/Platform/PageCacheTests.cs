using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Infrastructure.Data;
using SharingPlatform.Tests.Support;
using SharingPlatform.Web.Pages.Shared;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// Public pages are kept in each node's memory for anonymous visitors (an <c>Age</c> header says a page came from it),
/// never for a signed-in person, whose pages keep only their public answers; a change made anywhere drops both on every node.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PageCacheTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_visitor_gets_the_kept_page_until_an_administrator_on_another_node_suspends_the_resource()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = "보관 확인 " + CatalogClient.NewHangulWord();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title));
        await using var otherNode = await _app.OtherNodeAsync("pagecache-node");
        using var visitor = _app.NewClient();
        var page = $"/Resources/Details/{id}";

        var kept = await KeptAsync(visitor, page);
        (await kept.Content.ReadAsStringAsync()).ShouldContain(title);

        using var admin = await otherNode.AdministratorAsync();
        await admin.DecideAsync("resources", id, "suspend", "신고 내용 확인");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await visitor.GetAsync(page)).StatusCode) == HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        status.ShouldBe(HttpStatusCode.NotFound, "the suspended resource's kept page outlived the change");
    }

    [Fact]
    public async Task Each_language_gets_its_own_kept_page_and_a_signed_in_person_always_gets_their_own()
    {
        using var korean = _app.NewClient();
        using var english = _app.NewClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        (await (await KeptAsync(korean, "/Circles")).Content.ReadAsStringAsync()).ShouldContain("<html lang=\"ko\"");
        (await (await KeptAsync(english, "/Circles")).Content.ReadAsStringAsync()).ShouldContain("<html lang=\"en\"");

        var email = ApiClient.NewEmail();
        using var _ = await _app.SignedInResidentAsync(email, "보관 안 됨");
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        for (var i = 0; i < 3; i++)
        {
            var response = await site.GetAsync("/Circles");
            response.Headers.Age.ShouldBeNull();
            (await response.Content.ReadAsStringAsync()).ShouldContain("보관 안 됨");
        }
    }

    [Fact]
    public async Task A_signed_in_person_searching_sees_a_change_made_on_another_node()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = "답 보관 " + CatalogClient.NewHangulWord();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title));
        await using var otherNode = await _app.OtherNodeAsync("answers-node");
        var email = ApiClient.NewEmail();
        using var _ = await _app.SignedInResidentAsync(email, "검색하는 주민");
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        var search = "/Resources?q=" + Uri.EscapeDataString(title);
        var result = $"/Resources/Details/{id}";
        for (var i = 0; i < 2; i++)
            (await site.GetStringAsync(search)).ShouldContain(result);

        using var admin = await otherNode.AdministratorAsync();
        await admin.DecideAsync("resources", id, "suspend", "신고 내용 확인");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await site.GetStringAsync(search)).Contains(result, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        (await site.GetStringAsync(search)).ShouldNotContain(result, customMessage: "the kept search answer outlived the change");
    }

    /// <summary>
    /// A kept part leaves out the indentation between its tags, which a browser shows as one space either way; the
    /// words, and markup that shows its white space as it is, stay as written.
    /// </summary>
    [Fact]
    public void A_kept_part_leaves_out_indentation_between_tags_and_nothing_a_reader_sees()
    {
        KeptPartTagHelper.WithoutIndentation("<ul>\n        <li>회의실  \n   A동</li>\n\n    </ul>")
            .ShouldBe("<ul>\n<li>회의실  \n   A동</li>\n</ul>");
        KeptPartTagHelper.WithoutIndentation("<span>한</span> <span>글</span>").ShouldBe("<span>한</span> <span>글</span>");
        const string preformatted = "<div>\n    <pre>\n    <b>x</b>\n</pre>\n</div>";
        KeptPartTagHelper.WithoutIndentation(preformatted).ShouldBe(preformatted);
        const string form = "<form>\n    <textarea>\n  </textarea>\n</form>";
        KeptPartTagHelper.WithoutIndentation(form).ShouldBe(form);
    }

    /// <summary>
    /// The search form and results of a signed-in person's page are kept as made for everyone alike, per language
    /// (<c>&lt;public-part&gt;</c>); the header around them, with the person's name, is made for each person.
    /// </summary>
    [Fact]
    public async Task Signed_in_people_share_the_kept_results_in_their_own_language_under_their_own_names()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = "함께 보관 " + CatalogClient.NewHangulWord();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title));
        var people = new[] { ("ko", "갑 " + CatalogClient.NewHangulWord()), ("ko", "을 " + CatalogClient.NewHangulWord()), ("en", "병 " + CatalogClient.NewHangulWord()) };
        var sites = new List<(string Language, string Name, HttpClient Site)>();
        var residents = new List<IDisposable>();
        try
        {
            foreach (var (language, name) in people)
            {
                var email = ApiClient.NewEmail();
                var api = await _app.SignedInResidentAsync(email, name);
                residents.Add(api);
                (await api.PutAsJsonAsync("/api/v1/me", new { displayName = name, preferredLanguage = language })).EnsureSuccessStatusCode();
                var site = _app.NewClient(followRedirects: false);
                await site.SignInAsync(email, ApiClient.Password);
                sites.Add((language, name, site));
            }

            var search = "/Resources?q=" + Uri.EscapeDataString(title);
            for (var round = 0; round < 2; round++)
            {
                foreach (var (language, name, site) in sites)
                {
                    var page = await site.GetStringAsync(search);
                    page.ShouldContain($"/Resources/Details/{id}");
                    page.ShouldContain(language == "ko" ? ">검색 결과</h2>" : ">Results</h2>");
                    page.ShouldContain(name);
                    foreach (var other in people.Select(p => p.Item2).Where(other => other != name))
                        page.ShouldNotContain(other, customMessage: "another person's name was kept in the shared part of the page");
                }
            }
        }
        finally
        {
            foreach (var (_, _, site) in sites)
                site.Dispose();
            foreach (var resident in residents)
                resident.Dispose();
        }
    }

    /// <summary>
    /// Signed-in people asking the same search at once (as when the minute turns and every visitor of a page misses)
    /// make one query between them: while this test holds the resources table, the first search waits on it, and the
    /// others wait for that search's answer instead of asking PostgreSQL too.
    /// </summary>
    [Fact]
    public async Task Signed_in_people_asking_the_same_at_once_make_one_query()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = "한 번 묻기 " + CatalogClient.NewHangulWord();
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title));
        var email = ApiClient.NewEmail();
        using var _ = await _app.SignedInResidentAsync(email, "동시에 찾는 주민");
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(email, ApiClient.Password);
        // Answers are kept per minute and per generation of the kept pages: all the searches below fall within one
        // minute, after the publication's notice has come back and raised the generation.
        var changes = _app.Services.GetRequiredService<SharingPlatform.Web.Hosting.PageDataChanges>();
        for (var generation = -1L; generation != changes.Generation;)
        {
            generation = changes.Generation;
            await Task.Delay(500);
        }

        if (DateTime.UtcNow.Second >= 50)
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second));

        var search = "/Resources?q=" + Uri.EscapeDataString(title);
        const int people = 6;
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Task<string>[] searching;
        var waitingMost = 0;
        await using (var hold = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlAsync($"LOCK TABLE resources IN ACCESS EXCLUSIVE MODE");
            var holder = await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            searching = Enumerable.Range(0, people).Select(_ => site.GetStringAsync(search)).ToArray();

            // Each search has had a second to reach the table (or the first one's answer) after the first reached it.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            DateTime? firstWaited = null;
            while (firstWaited is null || DateTime.UtcNow < firstWaited.Value.AddSeconds(1))
            {
                var waiting = await _app.QueryAsync(q => q.Database
                    .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE {holder} = ANY(pg_blocking_pids(pid)) AND query LIKE '%title_lowered%'")
                    .SingleAsync());
                waitingMost = Math.Max(waitingMost, waiting);
                if (waiting > 0)
                    firstWaited ??= DateTime.UtcNow;
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException("No search reached the held table.");
                await Task.Delay(50);
            }

            await hold.CommitAsync();
        }

        foreach (var page in await Task.WhenAll(searching))
            page.ShouldContain($"/Resources/Details/{id}");
        waitingMost.ShouldBe(1, "each of the people asking at once sent the search to PostgreSQL");
    }

    /// <summary>
    /// The page as kept: asked again until it comes from memory (the key holds the minute, so a pair of requests can
    /// straddle one).
    /// </summary>
    private static async Task<HttpResponseMessage> KeptAsync(HttpClient client, string path)
    {
        HttpResponseMessage response = null!;
        for (var i = 0; i < 3 && response?.Headers.Age is null; i++)
        {
            response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        response.Headers.Age.ShouldNotBeNull($"{path} was not kept");
        return response;
    }
}
