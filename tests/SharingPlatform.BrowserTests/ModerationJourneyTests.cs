using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_reports_a_resource_and_an_administrator_suspends_it_resolves_the_report_reads_the_audit_log_and_opens_the_charts()
    {
        var title = $"{CatalogClient.NewHangulWord()} 세미나실";
        using var organization = await browser.App.VerifiedOrganizationAsync();
        var resourceId = await browser.App.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title: title));

        // A resident reports the resource from its page.
        var email = ApiClient.NewEmail("resident");
        (await browser.App.SignedInResidentAsync(email, "이신고")).Dispose();
        await using (var resident = await browser.NewPageAsync("ko-KR"))
        {
            var page = resident.Page;
            await page.SignInAsync(email);
            await page.GotoAsync($"/Resources/Details/{resourceId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "신고하기", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "신고하기" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
            await resident.CheckAsync("report-new-ko");
            await page.GetByRole(AriaRole.Button, new() { Name = "신고 보내기" }).ClickAsync();
            await Expect(page.Locator("#error-summary")).ToContainTextAsync("신고 사유를 고르세요.");
            await resident.CheckAsync("report-refused-ko");
            await page.GetByLabel("부적절한 내용", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("자세한 내용", new() { Exact = true }).FillAsync("사진이 실제 공간과 다릅니다.");
            await page.GetByRole(AriaRole.Button, new() { Name = "신고 보내기" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("신고를 접수했습니다.");
            await resident.CheckAsync("report-filed-ko");
        }

        // An administrator finds it in the queue, suspends the resource and resolves the report.
        await using var administrator = await browser.NewPageAsync("ko-KR");
        var admin = administrator.Page;
        await admin.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await admin.GotoAsync("/Admin/Review");
        var reports = admin.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^처리 대기 신고") });
        var item = reports.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(item).ToContainTextAsync("신고 1건");
        await administrator.CheckAsync("review-queue-reports-ko");
        await admin.GetByLabel("종류", new() { Exact = true }).SelectOptionAsync("reports");
        await admin.GetByRole(AriaRole.Button, new() { Name = "보기", Exact = true }).ClickAsync();
        await Expect(item).ToContainTextAsync("부적절한 내용");
        await administrator.CheckAsync("review-queue-filtered-ko");
        await item.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"신고된 대상: {title}" })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("사진이 실제 공간과 다릅니다.");
        await administrator.CheckAsync("reported-subject-ko");

        await admin.GetByLabel("공개 중지 사유", new() { Exact = true }).FillAsync("허위 사진으로 신고되어 확인 중입니다.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "공개 중지하기" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("공개를 중지했습니다.");
        await administrator.CheckAsync("reported-subject-suspended-ko");

        await admin.GetByLabel("이신고님의 신고에 대한 메모 (신고자에게 전달됨)").FillAsync("공유자원 공개를 중지했습니다.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "조치 완료" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("신고를 조치 완료로 처리했습니다.");
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("조치함");
        await administrator.CheckAsync("reported-subject-resolved-ko");

        await admin.GotoAsync("/Admin/Audit");
        var suspended = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "허위 사진으로 신고되어 확인 중입니다." });
        await Expect(suspended).ToContainTextAsync("공유자원 공개 중지");
        await administrator.CheckAsync("audit-after-moderation-ko");

        // Then the programme's charts, from the administrators' console.
        await admin.ClickAdminLinkAsync("통계");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "프로그램 통계" })).ToBeVisibleAsync();
        await admin.WaitForFunctionAsync(
            "() => window.Chart !== undefined && Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => window.Chart.getChart(c) !== undefined)");
        var drawn = await admin.EvaluateAsync<bool[]>(
            "() => Array.from(document.querySelectorAll('canvas[data-chart]')).map(c => window.Chart !== undefined && window.Chart.getChart(c) !== undefined)");
        drawn.ShouldNotBeEmpty();
        drawn.ShouldAllBe(d => d);
        await administrator.CheckAsync("statistics-after-moderation-ko");
    }
}
