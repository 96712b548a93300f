using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class UserSuspensionJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task An_administrator_finds_a_person_suspends_them_with_a_reason_and_reads_it_in_the_audit_log()
    {
        var email = ApiClient.NewEmail("resident");
        (await browser.App.SignedInResidentAsync(email, "정지될 주민")).Dispose();
        await using var administrator = await browser.NewPageAsync("ko-KR");
        var page = administrator.Page;
        await page.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        await page.ClickAdminLinkAsync("이용자");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "이용자" })).ToBeVisibleAsync();
        await page.GetByLabel("이메일 또는 이름").FillAsync(email);
        await page.GetByLabel("이메일 또는 이름").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q="));
        var found = page.GetByRole(AriaRole.Link, new() { Name = "정지될 주민" });
        await Expect(found).ToBeVisibleAsync();
        await administrator.CheckAsync("admin-users-ko");
        await found.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "이용자: 정지될 주민" })).ToBeVisibleAsync();
        await administrator.CheckAsync("admin-user-ko");

        await page.GetByRole(AriaRole.Button, new() { Name = "이용 정지", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("이용 정지 사유")).ToHaveAttributeAsync("aria-invalid", "true");
        await administrator.CheckAsync("admin-user-invalid-ko");
        await page.GetByLabel("이용 정지 사유").FillAsync("허위 예약 반복");
        await page.GetByRole(AriaRole.Button, new() { Name = "이용 정지", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("이용을 정지했습니다");
        administrator.Dialogs.ShouldNotBeEmpty();
        administrator.Dialogs.ShouldAllBe(question => question.Contains("이용을 정지할까요"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("이용 중 → 정지됨");
        await administrator.CheckAsync("admin-user-suspended-ko");

        await page.GetByRole(AriaRole.Link, new() { Name = "이 이용자에 대한 모든 감사 기록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("허위 예약 반복");
        await administrator.CheckAsync("admin-audit-filtered-ko");

        await page.GotoAsync("/Admin/Audit?culture=en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await administrator.CheckAsync("admin-audit-en");
    }
}
