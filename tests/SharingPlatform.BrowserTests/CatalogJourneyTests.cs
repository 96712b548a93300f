using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharingPlatform.BrowserTests.Support;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(BrowserApp browser)
{
    [Fact]
    public async Task An_organization_is_registered_and_verified_lists_a_resource_that_is_approved_and_a_resident_finds_it()
    {
        // A word nobody else uses, in Hangul, so the search finds this resource and no other.
        var word = CatalogClient.NewHangulWord();
        var organizationName = $"완주 나눔공간 협동조합 {word}";
        var title = $"마을 소회의실 {word}";
        var ownerEmail = ApiClient.NewEmail("owner");
        await browser.App.SignedInResidentAsync(ownerEmail, "박나눔");

        // The resident signs in and registers an organization.
        await using var owner = await browser.NewPageAsync("ko-KR");
        var page = owner.Page;
        await page.SignInAsync(ownerEmail);
        await page.ClickMenuLinkAsync("단체 메뉴", "단체 등록");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "단체 등록" })).ToBeVisibleAsync();
        await owner.CheckAsync("organization-register-ko");

        // A wrong check digit is refused next to its field.
        var number = CatalogClient.NewBusinessRegistrationNumber();
        await page.GetByLabel("단체 유형").SelectOptionAsync(new SelectOptionValue { Label = "협동조합" });
        await page.GetByLabel("단체 이름").FillAsync(organizationName);
        await page.GetByLabel("사업자등록번호").FillAsync(number[..9] + (char)('0' + (number[9] - '0' + 1) % 10));
        await page.GetByLabel("시군").SelectOptionAsync(new SelectOptionValue { Label = "완주군" });
        await page.GetByLabel("주소").FillAsync("전북특별자치도 완주군 삼례읍 삼례로 1");
        await page.GetByLabel("전화번호").FillAsync("063-123-4567");
        await page.GetByLabel("연락 이메일").FillAsync(ownerEmail);
        await page.GetByLabel("단체 소개").FillAsync("주민과 공간을 나누는 협동조합입니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "등록 신청하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("사업자등록번호가 올바르지 않습니다");
        await Expect(page.GetByLabel("사업자등록번호")).ToHaveAttributeAsync("aria-invalid", "true");
        await owner.CheckAsync("organization-register-errors-ko");
        await page.GetByLabel("사업자등록번호").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "등록 신청하기" }).ClickAsync();

        // "My organization": pending, the owner listed, no resource yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = organizationName })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("단체 등록을 신청했습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("인증 대기");
        await Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("박나눔");
        await owner.CheckAsync("organization-pending-ko");

        // The administrator verifies it from the review queue.
        await using var admin = await browser.NewPageAsync("ko-KR");
        await admin.Page.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await admin.Page.ClickAdminLinkAsync("검토 대기");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "검토 대기 목록" })).ToBeVisibleAsync();
        await admin.CheckAsync("admin-review-ko");

        // Rejecting takes a reason: without one nothing changes and the box says why.
        await admin.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = organizationName })
            .GetByRole(AriaRole.Button, new() { Name = "반려" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("사유를 입력하세요");
        await Expect(admin.Page.GetByLabel($"{organizationName} 반려 사유")).ToHaveAttributeAsync("aria-invalid", "true");
        await admin.CheckAsync("admin-review-reason-missing-ko");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = $"{organizationName} 인증" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("단체를 인증했습니다");

        // The member lists a resource with opening hours.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("인증됨");
        await page.ClickMenuLinkAsync("단체 메뉴", "내 단체");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "내 단체" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"{organizationName} 대표 인증됨" })).ToBeVisibleAsync();
        await owner.CheckAsync("my-organizations-ko");
        await page.GetByRole(AriaRole.Link, new() { Name = organizationName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "새 공유자원 등록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "새 공유자원 등록" })).ToBeVisibleAsync();
        await owner.CheckAsync("resource-new-ko");
        await page.GetByLabel("분류").SelectOptionAsync(new SelectOptionValue { Label = "공간" });
        await page.GetByLabel("이름", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("소개").FillAsync("12명이 앉는 회의실입니다.\n빔프로젝터가 있습니다. <b>굵게</b>");
        (await page.GetByLabel("시군").InputValueAsync()).ShouldBe("wanju", "a new resource starts in its organization's municipality");
        await page.GetByLabel("주소").FillAsync("전북특별자치도 완주군 삼례읍 삼례로 1, 2층");
        await page.GetByLabel("수용 인원(명)").FillAsync("12");
        // Lent by the day, the form asks for units instead of slots; back to slots, it asks for slots again.
        await Expect(page.GetByLabel("물품 수량", new() { Exact = true })).ToBeHiddenAsync();
        await page.GetByLabel("물품 대여(하루 단위)").CheckAsync();
        await Expect(page.GetByLabel("물품 수량", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("예약 단위", new() { Exact = true })).ToBeHiddenAsync();
        await page.GetByLabel("시간 단위 예약").CheckAsync();
        await Expect(page.GetByLabel("예약 단위", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("토요일 운영").CheckAsync();
        await page.GetByLabel("토요일 여는 시각").FillAsync("10:00");
        await page.GetByLabel("토요일 닫는 시각").FillAsync("16:00");
        await page.GetByLabel("월요일 휴게 시작 시각").FillAsync("12:00");
        await page.GetByLabel("월요일 휴게 끝 시각").FillAsync("13:00");
        await page.GetByLabel("쉬는 날").FillAsync("2026-12-25\n2027-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "작성 중으로 저장하기" }).ClickAsync();

        // Its page shows it as a draft, the text as text, the week of opening hours; the member submits it.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("저장했습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("작성 중");
        await Expect(page.GetByText("빔프로젝터가 있습니다. <b>굵게</b>")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "토요일 10:00–16:00" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "월요일 09:00–12:00, 13:00–18:00" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "수정하기" }).ClickAsync();
        (await page.GetByLabel("월요일 휴게 시작 시각").InputValueAsync()).ShouldBe("12:00", "the editor keeps the break it was given");
        (await page.GetByLabel("월요일 휴게 끝 시각").InputValueAsync()).ShouldBe("13:00");
        await page.GoBackAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "일요일 휴무" })).ToBeVisibleAsync();
        await owner.CheckAsync("resource-draft-ko");

        // The member adds a photo; the page shows it re-encoded from the server.
        await page.GetByLabel("사진 추가").SetInputFilesAsync(new FilePayload { Name = "room.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "사진 올리기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("사진을 추가했습니다");
        await Expect(page.Locator("img.resource-photo")).ToHaveCountAsync(1);
        await owner.CheckAsync("resource-photo-ko");

        // A second photo becomes the first; then the other one is removed.
        await page.GetByLabel("사진 추가").SetInputFilesAsync(new FilePayload { Name = "hall.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "사진 올리기" }).ClickAsync();
        await Expect(page.Locator("img.resource-photo")).ToHaveCountAsync(2);
        var second = await page.Locator("img.resource-photo").Nth(1).GetAttributeAsync("src");
        await page.GetByRole(AriaRole.Button, new() { Name = "2번 사진을 대표 사진으로" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("대표 사진을 바꿨습니다");
        (await page.Locator("img.resource-photo").First.GetAttributeAsync("src")).ShouldBe(second);
        await page.GetByRole(AriaRole.Button, new() { Name = "2번 사진 삭제" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("사진을 삭제했습니다");
        owner.Dialogs.ShouldHaveSingleItem().ShouldContain("삭제");
        await Expect(page.Locator("img.resource-photo")).ToHaveCountAsync(1);
        (await page.Locator("img.resource-photo").First.GetAttributeAsync("src")).ShouldBe(second);
        await owner.CheckAsync("resource-photos-managed-ko");
        await page.GetByRole(AriaRole.Button, new() { Name = "검토 요청하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("검토를 요청했습니다");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("검토 대기");

        // The administrator approves it.
        await admin.Page.ReloadAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = $"{title} 공개 승인" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("공유자원을 승인해 공개했습니다");
        await admin.Page.ClickAdminLinkAsync("감사 기록");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "감사 기록" })).ToBeVisibleAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("공유자원 승인");
        await admin.CheckAsync("admin-audit-ko");

        // A visitor finds it by Korean text and municipality.
        await using var visitor = await browser.NewPageAsync("ko-KR");
        var search = visitor.Page;
        await search.GotoAsync("/");
        await search.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "공유자원 찾기" }).ClickAsync();
        await Expect(search.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "공유자원 찾기" })).ToBeVisibleAsync();
        await visitor.CheckAsync("resources-ko");
        await search.GetByLabel("검색어").FillAsync($"소회의실 {word}");
        await search.GetByLabel("시군").SelectOptionAsync(new SelectOptionValue { Label = "완주군" });
        await search.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(search.GetByRole(AriaRole.Status)).ToContainTextAsync("공유자원 1건");
        await visitor.CheckAsync("resources-found-ko");

        // Another municipality does not have it.
        await search.GetByLabel("시군").SelectOptionAsync(new SelectOptionValue { Label = "전주시" });
        await search.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(search.GetByRole(AriaRole.Status)).ToContainTextAsync("공유자원 0건");
        await search.GoBackAsync();

        await search.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(search.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await Expect(search.GetByRole(AriaRole.Main)).ToContainTextAsync("담당 단체가 승인하면 예약이 확정됩니다");
        await Expect(search.GetByRole(AriaRole.Main)).ToContainTextAsync("최소 1시간, 최대 4시간");
        await Expect(search.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("작성 중");
        await Expect(search.Locator("img.resource-photo")).ToHaveCountAsync(1);
        await visitor.CheckAsync("resource-public-ko");

        // The same page in English.
        await search.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(search.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(search.GetByRole(AriaRole.Row, new() { Name = "Saturday 10:00–16:00" })).ToBeVisibleAsync();
        await Expect(search.GetByRole(AriaRole.Main)).ToContainTextAsync("Wanju");
        await visitor.CheckAsync("resource-public-en");
        await search.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Find shared resources" }).ClickAsync();
        await visitor.CheckAsync("resources-en");
    }

    [Fact]
    public async Task A_member_editing_a_resource_sees_errors_by_the_fields_and_a_stale_edit_keeps_the_newer_data()
    {
        var word = CatalogClient.NewHangulWord();
        var ownerEmail = ApiClient.NewEmail("owner");
        using var member = await browser.App.SignedInResidentAsync(ownerEmail, "이공유");
        using var admin = browser.App.NewClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await admin.LoginAsync(AppFactory.AdminEmail, AppFactory.AdminPassword));
        var organizationId = await CatalogClient.CreatedIdAsync(member.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = $"군산 공구나눔 사회적기업 {word}", kind = "socialEnterprise", businessRegistrationNumber = CatalogClient.NewBusinessRegistrationNumber(),
            municipality = "gunsan", address = "전북특별자치도 군산시 중앙로 1", phone = "063-000-0000", email = ownerEmail, description = "",
        }));
        (await admin.PostAsJsonAsync($"/api/v1/admin/organizations/{organizationId}/verify", new { reason = (string?)null })).EnsureSuccessStatusCode();
        var resource = new
        {
            organizationId, category = "equipment", title = $"전동 드릴 {word}", description = "충전식 전동 드릴입니다.", municipality = "gunsan",
            address = "전북특별자치도 군산시 중앙로 1", capacity = (int?)null, feePerHour = 2000, feeNote = "배터리 포함",
            policy = new
            {
                approvalMode = "automatic", slotMinutes = 60, minMinutes = 60, maxMinutes = 480, minNoticeMinutes = 0, horizonDays = 30,
                bufferMinutes = 0, requiresCheckIn = false, maxActivePerPerson = 2,
                openingHours = new[] { new { dayOfWeek = "monday", opens = "09:00", closes = "18:00" } }, closedDates = Array.Empty<string>(),
            },
        };
        var resourceId = await CatalogClient.CreatedIdAsync(member.PostAsJsonAsync("/api/v1/resources", resource));

        // The member opens the edit page, in English.
        await using var owner = await browser.NewPageAsync("en-US");
        var page = owner.Page;
        await page.SignInAsync(ownerEmail);
        await page.GotoAsync($"/Resources/Details/{resourceId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("KRW 2,000 per hour");
        await owner.CheckAsync("resource-member-en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Edit shared resource" })).ToBeVisibleAsync();
        await owner.CheckAsync("resource-edit-en");

        // An empty title is refused next to the field.
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the resource's title.");
        await Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await owner.CheckAsync("resource-edit-errors-en");

        // A policy rule is refused next to its field, in English.
        await page.GetByLabel("Title").FillAsync($"전동 드릴 세트 {word}");
        await page.GetByLabel("Maximum duration (minutes)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The maximum duration is at least the minimum.");
        await Expect(page.GetByLabel("Maximum duration (minutes)")).ToHaveAttributeAsync("aria-invalid", "true");

        // Someone else saves meanwhile: this edit is refused, and the page shows what is saved now.
        var current = await member.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}");
        (await member.PutAsJsonAsync($"/api/v1/resources/{resourceId}", new
        {
            version = current.GetProperty("version").GetUInt32(), resource.category, title = $"충전 드릴 {word}", resource.description,
            resource.municipality, resource.address, resource.capacity, resource.feePerHour, resource.feeNote, resource.policy,
        })).EnsureSuccessStatusCode();
        await page.GetByLabel("Maximum duration (minutes)").FillAsync("240");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this resource since you opened it");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync($"충전 드릴 {word}");
        await Expect(page.GetByLabel("Maximum duration (minutes)")).ToHaveValueAsync("480");
        await owner.CheckAsync("resource-edit-conflict-en");

        // Saved again from the newer data, it goes through.
        await page.GetByLabel("Maximum duration (minutes)").FillAsync("240");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"충전 드릴 {word}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("at most 4 hours per booking");
    }

    [Fact]
    public async Task A_visitor_gets_search_errors_next_to_the_fields_and_a_404_for_a_resource_that_is_not_public()
    {
        await using var visitor = await browser.NewPageAsync("en-US");
        var page = visitor.Page;
        await page.GotoAsync("/Resources?date=2026-12-05&from=14:00&to=11:00&minCapacity=0");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The end time must be after the start time.");
        await Expect(page.GetByLabel("End time")).ToHaveAttributeAsync("aria-invalid", "true");
        await visitor.CheckAsync("resources-errors-en");

        await page.GotoAsync("/Resources?minCapacity=0");
        await Expect(page.GetByLabel("Minimum capacity")).ToHaveAttributeAsync("aria-invalid", "true");

        // A Saturday afternoon in Jeonju: a well-formed period searches.
        await page.GotoAsync("/Resources?municipality=jeonju&date=2026-12-05&from=14:00&to=17:00");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Shared resources found:");

        var response = await page.GotoAsync($"/Resources/Details/{Guid.NewGuid()}");
        response!.Status.ShouldBe(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Page not found" })).ToBeVisibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static byte[] Png()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(640, 480, new SixLabors.ImageSharp.PixelFormats.Rgba32(40, 120, 170));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }
}
