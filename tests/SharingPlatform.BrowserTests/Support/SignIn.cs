using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests.Support;

public static class SignIn
{
    /// <summary>
    /// Signs in through the Korean sign-in page (the person's own language may switch the site after) and waits for the
    /// header to show it: a sign-out button, in the account menu at a desktop or in the menu button's panel on a phone.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password = ApiClient.Password)
    {
        await page.GotoAsync("/Account/Login?culture=ko");
        await page.GetByLabel("이메일", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)
                .GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(로그아웃|Sign out)$"), IncludeHidden = true }).First)
            .ToBeAttachedAsync();
    }
}
