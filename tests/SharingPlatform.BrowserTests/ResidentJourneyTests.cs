using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ResidentJourneyTests(BrowserApp browser)
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task A_new_resident_signs_up_confirms_their_email_signs_in_and_switches_language()
    {
        var email = $"resident-{Guid.NewGuid():N}@tests.sharing.example";
        const string name = "김민지";
        await using var browserPage = await browser.NewPageAsync("ko-KR");
        var page = browserPage.Page;

        // The home page, in Korean.
        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ko");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "전북 공유경제 플랫폼" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("home-ko");

        // Sign up.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "회원가입하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "회원가입" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("register-ko");
        await page.GetByLabel("이메일", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("이름", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("비밀번호 확인", new() { Exact = true }).FillAsync(Password);
        (await page.GetByLabel("사용 언어").InputValueAsync()).ShouldBe("ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "가입하기" }).ClickAsync();

        // "Check your email".
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "이메일을 확인하세요" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await browserPage.CheckAsync("register-confirmation-ko");

        // The link in the email opens a page with a button; pressing it confirms.
        var mail = await browser.Mailbox.WaitForAsync(email);
        (mail.Subject ?? "").ShouldContain("이메일 주소를 확인해 주세요");
        await page.GotoAsync(Mailbox.LinkIn(mail));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "이메일 주소 확인" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("confirm-email-ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "이메일 주소 확인하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "이메일 주소를 확인했습니다" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("confirm-email-done-ko");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "로그인" }).ClickAsync();

        // A wrong password is refused with a message, in text.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "로그인" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("login-ko");
        await page.GetByLabel("이메일", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("이메일 또는 비밀번호가 맞지 않습니다");
        await browserPage.CheckAsync("login-wrong-password-ko");

        // The right one signs in; the header shows the person's name.
        await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"{name}님");
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("home-signed-in-ko");

        // My account shows the email and the current settings.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "내 계정" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 계정" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        (await page.GetByLabel("이름", new() { Exact = true }).InputValueAsync()).ShouldBe(name);
        await browserPage.CheckAsync("manage-ko");

        // Switch to English: the page comes back in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "My account" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        (await page.GetByLabel("Preferred language").InputValueAsync()).ShouldBe("en", "the switch is remembered in the account");
        await browserPage.CheckAsync("manage-en");

        // And back to Korean.
        await page.GetByRole(AriaRole.Button, new() { Name = "한국어" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 계정" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "한국어" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task A_visitor_whose_browser_asks_for_English_gets_English_pages_and_errors_next_to_the_fields()
    {
        await using var browserPage = await browser.NewPageAsync("en-US");
        var page = browserPage.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await browserPage.CheckAsync("home-en");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sign in" })).ToBeVisibleAsync();
        await browserPage.CheckAsync("login-en");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sign up" })).ToBeVisibleAsync();
        (await page.GetByLabel("Preferred language").InputValueAsync()).ShouldBe("en");
        await browserPage.CheckAsync("register-en");

        // Nothing filled in: every refusal is in the summary and next to its field, and the field says it is invalid.
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("not-an-email");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Please check the following");
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("email address in the right format") })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your name." })).ToBeVisibleAsync();
        var emailInput = page.GetByLabel("Email", new() { Exact = true });
        await Expect(emailInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(emailInput).ToHaveAccessibleDescriptionAsync(new Regex("^Error: Enter an email address in the right format"));
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await browserPage.CheckAsync("register-errors-en");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
