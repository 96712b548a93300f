using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StoryJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_member_writes_a_story_an_administrator_approves_it_and_a_visitor_reads_it()
    {
        // A verified organization in Jeongeup has published a room.
        var word = CatalogClient.NewHangulWord();
        var storyTitle = $"{word} 공유 부엌 한 해";
        var listingTitle = $"{word} 마을 부엌";
        using var organization = await browser.App.VerifiedOrganizationAsync("정읍 마을부엌 협동조합");
        var resourceId = await browser.App.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, listingTitle, "jeongeup"));

        // A member finds stories in the header, opens the form, is refused an empty one, then writes one.
        await using var member = await browser.NewPageAsync("ko-KR");
        var page = member.Page;
        await page.SignInAsync(organization.OwnerEmail);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "공유 이야기", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "공유 이야기" })).ToBeVisibleAsync();
        await member.CheckAsync("stories-ko");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "이야기 쓰기", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("본문을 입력하세요.");
        await member.CheckAsync("story-refused-ko");
        await page.GetByLabel("제목", new() { Exact = true }).FillAsync(storyTitle);
        await page.GetByLabel("본문", new() { Exact = true }).FillAsync("## 함께 끓인 김장\n\n**마흔 가구**가 부엌을 빌려 썼습니다.");
        await page.GetByLabel("연결할 곳(선택)", new() { Exact = true }).FillAsync($"/Resources/Details/{resourceId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = storyTitle })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("도 관리자가 확인한 뒤 공개됩니다");
        await member.CheckAsync("story-pending-ko");

        // An administrator finds it in the review queue and approves it on its page.
        await using var administrator = await browser.NewPageAsync("ko-KR");
        var admin = administrator.Page;
        await admin.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await admin.GotoAsync("/Admin/Review?kind=Stories");
        await admin.GetByRole(AriaRole.Link, new() { Name = storyTitle, Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "관리자 결정" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "승인하고 공개", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("이야기를 승인해 공개했습니다");
        var storyUrl = admin.Url;

        // A visitor in English reads it from the list and follows its link to the listing.
        await using var visitor = await browser.NewPageAsync("en-US");
        var reader = visitor.Page;
        await reader.GotoAsync("/Stories");
        await reader.GetByRole(AriaRole.Link, new() { Name = storyTitle, Exact = true }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1, Name = storyTitle })).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "함께 끓인 김장" })).ToBeVisibleAsync();
        await Expect(reader.Locator("#story-status")).ToHaveCountAsync(0);
        await visitor.CheckAsync("story-en");
        await reader.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = listingTitle, Exact = true }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1, Name = listingTitle })).ToBeVisibleAsync();
        reader.Url.ShouldNotBe(storyUrl);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
