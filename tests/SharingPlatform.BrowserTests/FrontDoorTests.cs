using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

/// <summary>
/// The home page on a desktop and on a phone: axe-clean, nothing beyond the screen, and a search from it lands on
/// results. The first page is drawn in the system's font and the site's font comes with the next.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrontDoorTests(BrowserApp browser)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_home_page_fits_the_screen_and_searching_from_it_finds_the_resource(int width, int height)
    {
        using var organization = await browser.App.VerifiedOrganizationAsync();
        var title = $"{CatalogClient.NewHangulWord()} 회의실";
        await browser.App.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title: title));

        await using var visitor = await browser.NewPageAsync("ko-KR", width: width, height: height);
        var page = visitor.Page;
        await page.GotoAsync("/");
        await visitor.CheckAsync($"front-door-{width}-ko");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);

        await page.GetByLabel("무엇을 찾으세요?").FillAsync(title);
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "검색" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/Resources", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_first_page_is_drawn_in_the_system_s_font_and_the_next_in_the_site_s_font_fetched_meanwhile()
    {
        await using var visitor = await browser.NewPageAsync("ko-KR", width: 390, height: 844);
        var page = visitor.Page;
        const string loadedSiteFaces = """
            async () => {
                await document.fonts.ready;
                return [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Pretendard GOV' && f.status === 'loaded').length;
            }
            """;

        await page.GotoAsync("/");
        (await page.EvaluateAsync<int>(loadedSiteFaces)).ShouldBe(0);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await page.Context.CookiesAsync()).Any(c => c.Name == "sp.font") && waited.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(100);
        (await page.Context.CookiesAsync()).ShouldContain(c => c.Name == "sp.font", "the site's font was not fetched after the first page");

        await page.GotoAsync("/Circles");
        (await page.EvaluateAsync<int>(loadedSiteFaces)).ShouldBeGreaterThan(0);
        (await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Pretendard GOV\"', '공유 학습동아리')")).ShouldBeTrue();
    }
}
