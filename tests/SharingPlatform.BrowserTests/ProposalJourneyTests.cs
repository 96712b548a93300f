using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ProposalJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_proposes_another_supports_it_and_an_organization_member_takes_it_up_with_their_listing()
    {
        // A verified organization in Gunsan has published a tool library; two residents have accounts.
        var word = CatalogClient.NewHangulWord();
        var proposalTitle = $"{word} 공구 도서관";
        var listingTitle = $"{word} 공구 대여소";
        using var organization = await browser.App.VerifiedOrganizationAsync("군산 마을공방");
        var body = CatalogClient.ResourceBody(organization.Id, listingTitle, "gunsan");
        body["category"] = "equipment";
        var resourceId = await browser.App.PublishedResourceAsync(organization, body);
        var proposerEmail = ApiClient.NewEmail("proposer");
        (await browser.App.SignedInResidentAsync(proposerEmail, "김제안")).Dispose();
        var supporterEmail = ApiClient.NewEmail("supporter");
        (await browser.App.SignedInResidentAsync(supporterEmail, "박지지")).Dispose();

        // The resident finds proposals in the header's menu and proposes one; an empty form is refused first.
        await using var proposer = await browser.NewPageAsync("ko-KR");
        var page = proposer.Page;
        await page.SignInAsync(proposerEmail);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "공유자원 제안", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "공유자원 제안" })).ToBeVisibleAsync();
        await proposer.CheckAsync("proposals-ko");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "공유자원 제안하기", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "공유자원 제안하기" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "제안하기", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("제안 제목을 입력하세요.");
        await proposer.CheckAsync("proposal-new-refused-ko");
        await page.GetByLabel("제안 제목", new() { Exact = true }).FillAsync(proposalTitle);
        await page.GetByLabel("왜 필요한가요", new() { Exact = true }).FillAsync("집수리할 때 잠깐 쓸 공구를 빌릴 곳이 없습니다.");
        await page.GetByLabel("분류", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "장비" });
        await page.GetByLabel("시군", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "군산시" });
        await page.GetByRole(AriaRole.Button, new() { Name = "제안하기", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = proposalTitle })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("제안을 올렸습니다");
        await Expect(page.Locator("#support-count")).ToHaveTextAsync("0명 지지");
        await proposer.CheckAsync("proposal-created-ko");

        // Another resident finds it in the list of Gunsan's newest proposals and supports it.
        await using var supporter = await browser.NewPageAsync("ko-KR");
        var second = supporter.Page;
        await second.SignInAsync(supporterEmail);
        await second.GotoAsync("/Proposals");
        await second.GetByLabel("정렬", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "최신순" });
        await second.GetByRole(AriaRole.Search).GetByLabel("시군", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "군산시" });
        await second.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        var results = second.GetByRole(AriaRole.Region, new() { Name = "제안 목록" });
        await Expect(results).ToContainTextAsync(proposalTitle);
        await supporter.CheckAsync("proposals-filtered-ko");
        await results.GetByRole(AriaRole.Link, new() { Name = proposalTitle }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1, Name = proposalTitle })).ToBeVisibleAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "지지하기", Exact = true }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("제안을 지지했습니다");
        await Expect(second.Locator("#support-count")).ToHaveTextAsync("1명 지지");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "지지 거두기", Exact = true })).ToBeVisibleAsync();
        await supporter.CheckAsync("proposal-supported-ko");
        var proposalUrl = second.Url;

        // A member of the organization takes it up with the listing it published.
        await using var member = await browser.NewPageAsync("ko-KR");
        var desk = member.Page;
        await desk.SignInAsync(organization.OwnerEmail);
        await desk.GotoAsync(proposalUrl);
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "우리 단체의 공유자원으로 연결하기" })).ToBeVisibleAsync();
        await member.CheckAsync("proposal-take-up-ko");
        await desk.GetByLabel("연결할 공유자원", new() { Exact = true }).SelectOptionAsync(resourceId.ToString());
        await desk.GetByRole(AriaRole.Button, new() { Name = "공유자원으로 연결하기", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("제안을 공유자원과 연결했습니다");
        await Expect(desk.Locator("#proposal-status")).ToHaveTextAsync("공유자원으로 연결됨");
        await member.CheckAsync("proposal-taken-up-ko");

        // The supporter sees it taken up and follows the link to the listing.
        await second.ReloadAsync();
        await Expect(second.Locator("#proposal-status")).ToHaveTextAsync("공유자원으로 연결됨");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "지지하기", Exact = true })).ToHaveCountAsync(0);
        await second.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = listingTitle, Exact = true }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1, Name = listingTitle })).ToBeVisibleAsync();

        // An English visitor reads the proposal.
        await using var visitor = await browser.NewPageAsync("en-US");
        await visitor.Page.GotoAsync(proposalUrl);
        await Expect(visitor.Page.Locator("#proposal-status")).ToHaveTextAsync("Taken up with a listing");
        await Expect(visitor.Page.Locator("#support-count")).ToHaveTextAsync("Supported by 1");
        await Expect(visitor.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Sign in to support this proposal.");
        await visitor.CheckAsync("proposal-en");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
