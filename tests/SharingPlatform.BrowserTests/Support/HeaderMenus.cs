using Microsoft.Playwright;

namespace SharingPlatform.BrowserTests.Support;

/// <summary>The header's menus as a person at a desktop uses them: drop-downs of the main menu, and the administrators' console.</summary>
public static class HeaderMenus
{
    /// <summary>Opens a drop-down of the header's main menu (내 메뉴, 단체 메뉴) and follows one of its links.</summary>
    public static async Task ClickMenuLinkAsync(this IPage page, string menu, string link)
    {
        var banner = page.GetByRole(AriaRole.Banner);
        await banner.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true }).ClickAsync();
        await banner.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }

    /// <summary>Opens the administrators' console from the header, then one of its pages from its side navigation.</summary>
    public static async Task ClickAdminLinkAsync(this IPage page, string link)
    {
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "관리자 콘솔", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "관리자 콘솔" })
            .GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }
}
