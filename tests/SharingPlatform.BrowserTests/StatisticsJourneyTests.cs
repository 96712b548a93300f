using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StatisticsJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task The_administrator_reads_the_statistics_with_charts_and_downloads_the_CSV_and_a_visitor_reads_the_programme_summary()
    {
        using (var organization = await browser.App.VerifiedOrganizationAsync("전주 통계 협동조합"))
            await browser.App.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, "통계 회의실", "jeonju"));

        await using var admin = await browser.NewPageAsync("ko-KR");
        var page = admin.Page;
        await page.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await page.ClickAdminLinkAsync("통계");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "프로그램 통계" })).ToBeVisibleAsync();

        // Filter by a municipality with the keyboard-usable form.
        await page.GetByLabel("시군", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "전주시" });
        await page.GetByRole(AriaRole.Button, new() { Name = "통계 보기" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("municipality=jeonju", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var resources = page.GetByRole(AriaRole.Table, new() { Name = "시군·분류·월별 공유자원 이용" });
        await Expect(resources).ToBeVisibleAsync();
        await Expect(resources.GetByRole(AriaRole.Cell, new() { Name = "전주시" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "월별 예약 시간 막대 차트. 수치는 공유자원 표에 있습니다." })).ToBeVisibleAsync();

        // Chart.js, served by the app, drew every chart.
        var drawn = await page.EvaluateAsync<bool[]>(
            "() => Array.from(document.querySelectorAll('canvas[data-chart]')).map(c => window.Chart !== undefined && window.Chart.getChart(c) !== undefined)");
        drawn.Length.ShouldBe(5);
        drawn.ShouldAllBe(d => d);
        await admin.CheckAsync("statistics-ko");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV 내려받기" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith("-jeonju.csv");
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldStartWith("section,municipality,municipalityName,month,category");
        text.ShouldContain("resources,jeonju,전주시,");

        // In English too.
        await page.GotoAsync("/Admin/Statistics?municipality=jeonju&culture=en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Programme statistics" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Shared resource use per municipality, category and month" })).ToBeVisibleAsync();
        await admin.CheckAsync("statistics-en");

        // Anyone reads the programme summary from the footer.
        await using var visitor = await browser.NewPageAsync("ko-KR");
        await visitor.Page.GotoAsync("/");
        await visitor.Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "공유경제 프로그램 현황" }).ClickAsync();
        await Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "공유경제 프로그램 현황" })).ToBeVisibleAsync();
        await Expect(visitor.Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Rowheader, new() { Name = "전주시" })).ToBeVisibleAsync();
        await visitor.CheckAsync("programme-ko");
    }
}
