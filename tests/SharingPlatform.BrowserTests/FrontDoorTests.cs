using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

/// <summary>The home page on a desktop and on a phone: axe-clean, nothing beyond the screen, and a search from it lands on results.</summary>
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
}
