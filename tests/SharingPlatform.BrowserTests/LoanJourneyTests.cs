using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoanJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_borrows_two_tables_by_keyboard_and_the_lending_desk_approves_hands_over_and_takes_them_back()
    {
        // A village centre in Wanju lends four labelled tables, open every day, each loan approved by a member.
        var title = $"접이식 탁자 {CatalogClient.NewHangulWord()}";
        using var organization = await browser.App.VerifiedOrganizationAsync("완주 마을회관");
        var body = CatalogClient.ResourceBody(organization.Id, title);
        body["category"] = "goods";
        body["policy"] = CatalogClient.PolicyBody([.. Enum.GetNames<DayOfWeek>().Select(d => (d.ToLowerInvariant(), "00:00", "24:00"))]);
        body["lending"] = new JsonObject
        {
            ["units"] = 4,
            ["unitLabels"] = new JsonArray("탁자-01", "탁자-02", "탁자-03", "탁자-04"),
            ["maxLoanDays"] = 3,
            ["maxUnitsPerPerson"] = 2,
            ["minNoticeDays"] = 0,
            ["horizonDays"] = 30,
            ["depositWon"] = 5000,
            ["approvalMode"] = "manual",
        };
        var resourceId = await browser.App.PublishedResourceAsync(organization, body);
        var email = ApiClient.NewEmail("resident");
        (await browser.App.SignedInResidentAsync(email, "김탁자")).Dispose();

        // The resident chooses today and tomorrow on the day calendar and asks for two tables, by keyboard only.
        await using var resident = await browser.NewPageAsync("ko-KR");
        var page = resident.Page;
        await page.SignInAsync(email);
        await page.GotoAsync($"/Resources/Details/{resourceId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "대여 조건" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("보증금: 5,000원");
        await resident.CheckAsync("loan-resource-ko");
        var pickup = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("4개 남음: 받아 갈 날로 고르기") }).First;
        await pickup.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText(new Regex("이제 반납할 날을 고르세요"))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("반납할 날로 고르기") }).Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("반납하는 날")).Not.ToHaveValueAsync("");
        await resident.CheckAsync("loan-days-chosen-ko");
        await page.GetByLabel("수량", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "대여 신청", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"{title} 대여" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("대여를 신청했습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("10,000원");
        await resident.CheckAsync("loan-details-ko");

        // "My loans" lists it, waiting for approval.
        await page.ClickMenuLinkAsync("내 메뉴", "내 대여");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 대여" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("승인 대기");
        await Expect(row).ToContainTextAsync("2개");
        await resident.CheckAsync("my-loans-ko");

        // The desk sees the request, approves it, hands over two labelled tables and takes them back.
        await using var desk = await browser.NewPageAsync("ko-KR");
        var deskPage = desk.Page;
        await deskPage.SignInAsync(organization.OwnerEmail);
        await deskPage.ClickMenuLinkAsync("단체 메뉴", "대여 데스크");
        await Expect(deskPage.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "대여 데스크" })).ToBeVisibleAsync();
        await desk.CheckAsync("lending-desk-ko");
        await Expect(deskPage.GetByRole(AriaRole.Link, new() { Name = $"김탁자 님의 {title} 대여 처리하기" }).First).ToBeVisibleAsync();
        await deskPage.GetByRole(AriaRole.Button, new() { Name = $"김탁자 님의 {title} 대여 승인" }).ClickAsync();
        await Expect(deskPage.GetByRole(AriaRole.Status)).ToContainTextAsync("대여를 승인했습니다");
        await deskPage.GetByLabel("탁자-01").CheckAsync();
        await deskPage.GetByLabel("탁자-03").CheckAsync();
        await deskPage.GetByLabel("물품 상태 메모").FillAsync("흠집 없음");
        await deskPage.GetByLabel(new Regex("보증금 10,000원을 받았습니다")).CheckAsync();
        await desk.CheckAsync("loan-hand-over-ko");
        await deskPage.GetByRole(AriaRole.Button, new() { Name = "내어 주기" }).ClickAsync();
        await Expect(deskPage.GetByRole(AriaRole.Status)).ToContainTextAsync("물품을 내어 주었습니다");
        await Expect(deskPage.GetByRole(AriaRole.Main)).ToContainTextAsync("탁자-01, 탁자-03");
        await desk.CheckAsync("loan-take-back-ko");
        await deskPage.GetByRole(AriaRole.Button, new() { Name = "반납 받기" }).ClickAsync();
        await Expect(deskPage.GetByRole(AriaRole.Status)).ToContainTextAsync("반납을 받았습니다");
        await Expect(deskPage.GetByRole(AriaRole.Main)).ToContainTextAsync("반납 완료");
        await desk.CheckAsync("loan-returned-ko");

        // A table came back damaged: the desk takes it out of service for two days, then puts it back.
        await deskPage.GotoAsync($"/Loans/Desk?resourceId={resourceId}");
        await deskPage.GetByRole(AriaRole.Link, new() { Name = $"{title}: 사용 중지 물품 관리" }).ClickAsync();
        await deskPage.GetByLabel("물품 번호").SelectOptionAsync("탁자-03");
        await deskPage.GetByLabel("사유").FillAsync("상판 긁힘 수리");
        await desk.CheckAsync("unit-outages-ko");
        await deskPage.GetByRole(AriaRole.Button, new() { Name = "사용 중지하기" }).ClickAsync();
        await Expect(deskPage.GetByRole(AriaRole.Status)).ToContainTextAsync("물품을 사용 중지했습니다");
        await Expect(deskPage.GetByRole(AriaRole.Main)).ToContainTextAsync("상판 긁힘 수리");
        await deskPage.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^탁자-03 1개.*다시 대여하기$") }).ClickAsync();
        await Expect(deskPage.GetByRole(AriaRole.Status)).ToContainTextAsync("물품을 다시 대여합니다");
        await desk.CheckAsync("unit-outage-ended-ko");

        // An English visitor reads the same resource's lending terms and calendar.
        await using var visitor = await browser.NewPageAsync("en-US");
        await visitor.Page.GotoAsync($"/Resources/Details/{resourceId}");
        await Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Lending terms" })).ToBeVisibleAsync();
        await Expect(visitor.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Deposit: 5,000 won");
        await Expect(visitor.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Sign in to ask for a loan.");
        await visitor.CheckAsync("loan-resource-en");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
