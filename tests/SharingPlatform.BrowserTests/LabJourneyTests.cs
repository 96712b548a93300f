using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Domain.Common;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LabJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task A_qualified_resident_books_a_seat_with_the_laser_cutter_from_the_week_grid_and_the_manager_checks_them_in()
    {
        // A maker space in Iksan, open every day 09:00–12:00 and 13:00–16:00, four seats, a laser cutter that needs an
        // induction and a 3D printer that does not. Its organization's owner runs it.
        var word = CatalogClient.NewHangulWord();
        var labName = $"익산 메이커 스페이스 {word}";
        using var organization = await browser.App.VerifiedOrganizationAsync();
        var owner = organization.Owner;
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        var labId = await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync("/api/v1/labs", new JsonObject
        {
            ["organizationId"] = organization.Id,
            ["name"] = labName,
            ["description"] = "레이저 커터와 3D 프린터가 있는 공유실험실입니다.",
            ["municipality"] = "iksan",
            ["address"] = "전북특별자치도 익산시 중앙로 1",
            ["safetyRules"] = "보호안경을 쓰고, 긴 머리는 묶으세요.",
            ["seatsPerSlot"] = 4,
            ["timetable"] = new JsonArray(days.SelectMany(day => new[] { ("09:00", "12:00"), ("13:00", "16:00") }
                .Select(t => (JsonNode)new JsonObject { ["dayOfWeek"] = day, ["starts"] = t.Item1, ["ends"] = t.Item2 })).ToArray()),
            ["closedDates"] = new JsonArray(),
        }));
        var laserId = await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment", new
        {
            name = "레이저 커터", model = "LC-60", description = "", requiresQualification = true, qualificationName = "레이저 커터 안전교육",
        }));
        await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment", new
        {
            name = "3D 프린터", model = "P-1", description = "", requiresQualification = false, qualificationName = (string?)null,
        }));
        await owner.PostAsync($"/api/v1/labs/{labId}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using (var admin = await browser.App.AdministratorAsync())
            await admin.DecideAsync("labs", labId, "approve");

        // A resident who took the laser cutter induction.
        var residentEmail = ApiClient.NewEmail("maker");
        (await browser.App.SignedInResidentAsync(residentEmail, "김메이커")).Dispose();
        var today = SeoulTime.DateOf(browser.App.Clock.GetUtcNow());
        (await owner.PostAsJsonAsync($"/api/v1/labs/{labId}/qualifications", new { userEmail = residentEmail, equipmentId = laserId, validUntil = today.AddDays(60) }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // The morning slot two days ahead.
        var day = today.AddDays(2);
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slotStart = SeoulTime.At(day, new TimeOnly(9, 0));

        await using var resident = await browser.NewPageAsync("ko-KR");
        var page = resident.Page;
        await page.SignInAsync(residentEmail);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "공유실험실", Exact = true }).ClickAsync();
        await page.GetByLabel("검색어").FillAsync(word);
        await page.GetByLabel("시군").SelectOptionAsync(new SelectOptionValue { Label = "익산시" });
        await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("공유실험실 1곳");
        await resident.CheckAsync("lab-search-ko");
        await page.GetByRole(AriaRole.Link, new() { Name = labName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = labName })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "주간 예약 현황" })).ToBeVisibleAsync();
        if (BookingMonday(day) != BookingMonday(today))
            await page.GetByRole(AriaRole.Link, new() { Name = "다음 주" }).ClickAsync();
        await resident.CheckAsync("lab-week-ko");

        // By keyboard: the slot's link says its time and the seats left; Enter opens the booking form.
        var slotLink = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{dayText} \\(.\\) 09:00–12:00 예약하기, 4\\/4석 남음$") });
        await slotLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{dayText} \\(.\\) 09:00–12:00 예약$") })).ToBeVisibleAsync();
        var laser = page.GetByRole(AriaRole.Checkbox, new() { Name = "레이저 커터" });
        await Expect(laser).ToBeEnabledAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("자격 필요: 레이저 커터 안전교육");
        await resident.CheckAsync("lab-book-form-ko");
        await laser.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(laser).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "자리 예약" }).ClickAsync();

        // "My lab sessions" shows it, with the laser cutter, and the qualification with its expiry date.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 실험실 예약" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("실험실 자리를 예약했습니다.");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "실험실 예약 1건" }).GetByRole(AriaRole.Row).Filter(new() { HasText = labName });
        await Expect(row).ToContainTextAsync($"{dayText} (");
        await Expect(row).ToContainTextAsync("레이저 커터");
        await Expect(row).ToContainTextAsync("예약됨");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await resident.CheckAsync("lab-mine-ko");

        // The console is not the resident's: 404.
        var console = await page.GotoAsync($"/Labs/Manage/{labId}");
        console!.Status.ShouldBe(404);

        // Five minutes before the slot the manager checks the resident in from the console; the usage waits for the start.
        using var travel = browser.App.Clock.Travel(slotStart.AddMinutes(-5) - browser.App.Clock.GetUtcNow());
        await using var manager = await browser.NewPageAsync("ko-KR");
        var managerPage = manager.Page;
        await managerPage.SignInAsync(organization.OwnerEmail);
        await managerPage.GotoAsync($"/Labs/Manage/{labId}");
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"{labName} 운영" })).ToBeVisibleAsync();
        var session = managerPage.GetByRole(AriaRole.Table, new() { Name = "실험실 예약 1건" }).First.GetByRole(AriaRole.Row).Filter(new() { HasText = "김메이커" });
        await Expect(session).ToContainTextAsync("레이저 커터");
        await manager.CheckAsync("lab-console-ko");
        await session.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^김메이커 체크인") }).ClickAsync();
        await Expect(managerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("체크인했습니다.");
        await Expect(session).ToContainTextAsync("체크인함");
        await Expect(session).ToContainTextAsync("사용 기록은 이용 시간이 시작되면 확정할 수 있습니다.");

        // Once the slot has started, the usage is confirmed.
        using var started = browser.App.Clock.Travel(TimeSpan.FromMinutes(10));
        await managerPage.ReloadAsync();
        await Expect(managerPage.GetByLabel("레이저 커터 사용 시간(분)")).ToHaveValueAsync("180");
        await managerPage.GetByLabel("레이저 커터 사용 시간(분)").FillAsync("90");
        await manager.CheckAsync("lab-console-checked-in-ko");
        await session.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^김메이커 사용 확정") }).ClickAsync();
        await Expect(managerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("사용 기록을 확정했습니다.");
        await Expect(session).ToContainTextAsync("레이저 커터: 90분 사용");
        await manager.CheckAsync("lab-console-completed-ko");

        // The manager adds a photo of the lab from the console, by keyboard-reachable label and button; the lab page shows it.
        var photos = managerPage.GetByRole(AriaRole.Region, new() { Name = "실험실 사진" });
        await photos.GetByLabel("사진 추가").SetInputFilesAsync(new FilePayload { Name = "bench.png", MimeType = "image/png", Buffer = Png() });
        await photos.GetByRole(AriaRole.Button, new() { Name = "사진 올리기" }).ClickAsync();
        await Expect(managerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("사진을 추가했습니다");
        await Expect(photos.GetByRole(AriaRole.Img, new() { Name = $"{labName} 사진 1" })).ToBeVisibleAsync();
        await manager.CheckAsync("lab-console-photo-ko");
        await managerPage.GotoAsync($"/Labs/Details/{labId}");
        await Expect(managerPage.GetByRole(AriaRole.Img, new() { Name = $"{labName} 사진 1" })).ToBeVisibleAsync();
        await manager.CheckAsync("lab-page-photo-ko");
    }

    private static byte[] Png()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(640, 480, new SixLabors.ImageSharp.PixelFormats.Rgba32(60, 140, 90));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }

    private static DateOnly BookingMonday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
