using Microsoft.Playwright;
using SharingPlatform.Application.Bookings;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_resident_reviews_a_past_booking_from_its_page_and_the_owner_replies()
    {
        // A resident booked an hour in a published room; the hour is over and the booking completed.
        var title = $"{CatalogClient.NewHangulWord()} 공유 세미나실";
        using var organization = await browser.App.VerifiedOrganizationAsync("익산 공유공간 협동조합");
        var resourceId = await browser.App.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, title: title));
        var email = ApiClient.NewEmail("reviewer");
        using var booker = await browser.App.SignedInResidentAsync(email, "한후기");
        var start = browser.App.NextHalfHour(TimeSpan.FromMinutes(20));
        var bookingId = await booker.BookedAsync(resourceId, start, start.AddHours(1));

        using (browser.App.Clock.Travel(start.AddHours(1).AddMinutes(5) - browser.App.Clock.GetUtcNow()))
        {
            await browser.App.SendAsync(new SettleBookings());

            // From the booking's page the resident leaves four stars and a few words.
            await using var resident = await browser.NewPageAsync("ko-KR");
            var page = resident.Page;
            await page.SignInAsync(email);
            await page.GotoAsync($"/Bookings/Details/{bookingId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "이용 후기 남기기", Exact = true }).ClickAsync();
            await resident.CheckAsync("review-new-ko");
            await page.GetByLabel("별 4개", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("후기 (선택, 1,000자 이내)", new() { Exact = true }).FillAsync("조용하고 밝은 방이었습니다.");
            await page.GetByRole(AriaRole.Button, new() { Name = "후기 남기기", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("조용하고 밝은 방이었습니다.");
        }

        // The owner opens the listing's reviews from its page and replies once.
        await using var owner = await browser.NewPageAsync("ko-KR");
        var desk = owner.Page;
        await desk.SignInAsync(organization.OwnerEmail);
        await desk.GotoAsync($"/Resources/Details/{resourceId}");
        await Expect(desk.Locator("#rating-summary")).ToContainTextAsync("5점 만점에 4.0점 (후기 1개)");
        await desk.GetByRole(AriaRole.Link, new() { Name = "이용 후기 보기", Exact = true }).ClickAsync();
        await desk.GetByText("답글 달기", new() { Exact = true }).ClickAsync();
        await desk.GetByLabel("답글", new() { Exact = true }).FillAsync("다음에도 찾아 주세요.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "답글 등록", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("답글을 등록했습니다");
        await Expect(desk.GetByRole(AriaRole.Main)).ToContainTextAsync("다음에도 찾아 주세요.");
        await Expect(desk.GetByText("답글 달기", new() { Exact = true })).ToHaveCountAsync(0);
        await owner.CheckAsync("reviews-replied-ko");

        // An English visitor reads the review and the reply.
        await using var visitor = await browser.NewPageAsync("en-US");
        await visitor.Page.GotoAsync($"/Reviews/Resource/{resourceId}");
        await Expect(visitor.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("다음에도 찾아 주세요.");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
