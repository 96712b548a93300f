using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdministratorJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task The_administrator_signs_in_and_works_the_jobs_dashboard_and_the_API_reference()
    {
        await using var browserPage = await browser.NewPageAsync("ko-KR");
        var page = browserPage.Page;

        // The dashboard sends an anonymous visitor to sign in, and back after.
        await page.GotoAsync("/admin/jobs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "로그인" })).ToBeVisibleAsync();
        await page.GetByLabel("이메일", new() { Exact = true }).FillAsync(AppFactory.AdminEmail);
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(AppFactory.AdminPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();

        // Hangfire's dashboard works under the site's Content-Security-Policy and lists the recurring jobs.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/jobs/?$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).First.ClickAsync();
        await Expect(page.GetByText("emails:send-unsent")).ToBeVisibleAsync();
        browserPage.ShouldHaveNoBrowserProblems("jobs-dashboard");

        // The API reference renders the OpenAPI document from the app's own files (no CDN, no inline script).
        await page.GotoAsync("/api/docs");
        await Expect(page.GetByText("/api/v1/auth/register").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        browserPage.ShouldHaveNoBrowserProblems("api-docs");
    }
}
