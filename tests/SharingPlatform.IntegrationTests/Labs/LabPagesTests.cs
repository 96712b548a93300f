using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SharingPlatform.Domain.Common;
using SharingPlatform.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>The lab pages: who sees the manager console (its managers and owners; 404 for everyone else), and the public pages.</summary>
[Collection(AppCollection.Name)]
public sealed partial class LabPagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task The_manager_console_is_the_owners_and_404_for_a_resident_while_the_lab_page_and_list_are_public()
    {
        var name = $"페이지 실험실 {CatalogClient.NewHangulWord()}";
        using var organization = await _app.VerifiedOrganizationAsync();
        var labId = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync("/api/v1/labs", new
        {
            organizationId = organization.Id, name, description = "", municipality = "gunsan", address = "군산시 1", safetyRules = "보호안경",
            seatsPerSlot = 2, timetable = new[] { new { dayOfWeek = "monday", starts = "09:00", ends = "12:00" } }, closedDates = Array.Empty<string>(),
        }));
        await organization.Owner.PostAsync($"/api/v1/labs/{labId}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using (var admin = await _app.AdministratorAsync())
            await admin.DecideAsync("labs", labId, "approve");

        var laserId = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment", new
        {
            name = "레이저 커터", model = "LC", description = "", requiresQualification = true, qualificationName = "레이저 커터 안전교육",
        }));

        var residentEmail = ApiClient.NewEmail("resident");
        (await _app.SignedInResidentAsync(residentEmail)).Dispose();
        using var resident = _app.NewClient(followRedirects: false);
        await resident.SignInAsync(residentEmail, ApiClient.Password);
        (await resident.GetAsync($"/Labs/Manage/{labId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await resident.GetAsync($"/Labs/Manage/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Booking the laser cutter without the induction is refused in the page's words.
        var monday = SeoulTime.DateOf(_app.Clock.GetUtcNow()).AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
            monday = monday.AddDays(1);
        var slot = SeoulTime.At(monday, new TimeOnly(9, 0)).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var details = await resident.GetStringAsync($"/Labs/Details/{labId}?slot={slot}");
        WebUtility.HtmlDecode(details).ShouldContain("자리 예약");
        var refused = await resident.PostAsync($"/Labs/Details/{labId}?handler=Book", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(details).Groups[1].Value,
            ["Slot"] = slot,
            ["EquipmentIds"] = laserId.ToString(),
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("레이저 커터은(는) 자격(안전교육)이 있어야 예약할 수 있습니다.");

        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var console = await owner.GetAsync($"/Labs/Manage/{labId}");
        console.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await console.Content.ReadAsStringAsync()).ShouldContain(name);

        using var anonymous = _app.NewClient();
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Labs/Details/{labId}")).ShouldContain("보호안경");
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Labs?q={Uri.EscapeDataString(name)}")).ShouldContain(name);
        (await anonymous.GetAsync($"/Labs/Details/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_creates_a_lab_from_the_form_and_its_manager_grants_a_qualification_from_the_console()
    {
        var name = $"양식 실험실 {CatalogClient.NewHangulWord()}";
        using var organization = await _app.VerifiedOrganizationAsync();
        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(organization.OwnerEmail, ApiClient.Password);

        var created = await owner.PostFormAsync("/Labs/Edit", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = organization.Id.ToString(),
            ["Input.Name"] = name,
            ["Input.Description"] = "납땜 작업대",
            ["Input.Municipality"] = "namwon",
            ["Input.Address"] = "남원시 1",
            ["Input.SafetyRules"] = "환기",
            ["Input.SeatsPerSlot"] = "3",
            ["Input.Timetable[0].Day"] = "Tuesday",
            ["Input.Timetable[0].Starts"] = "13:00",
            ["Input.Timetable[0].Ends"] = "16:00",
            ["Input.Timetable[1].Day"] = "",
            ["Input.Timetable[1].Starts"] = "",
            ["Input.Timetable[1].Ends"] = "",
            ["Input.ClosedDates"] = "2026-12-25",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
        var labId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var lab = await organization.Owner.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK);
        lab.GetProperty("name").GetString().ShouldBe(name);
        lab.GetProperty("timetable").GetArrayLength().ShouldBe(1);
        lab.GetProperty("status").GetString().ShouldBe("draft");

        // A stale form (an older version) shows what is saved now instead of overwriting it.
        var stale = await owner.PostFormAsync($"/Labs/Edit?id={labId}", new Dictionary<string, string>
        {
            ["Input.Version"] = (lab.GetProperty("version").GetUInt32() + 1).ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = "덮어쓰기",
            ["Input.Municipality"] = "namwon",
            ["Input.Address"] = "남원시 1",
            ["Input.SeatsPerSlot"] = "3",
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("그사이 다른 사람이 이 실험실 정보를 고쳤습니다.");
        (await organization.Owner.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK)).GetProperty("name").GetString().ShouldBe(name);

        var equipmentId = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment", new
        {
            name = "오실로스코프", model = "DS", description = "", requiresQualification = true, qualificationName = "오실로스코프 교육",
        }));
        var residentEmail = ApiClient.NewEmail("resident");
        (await _app.SignedInResidentAsync(residentEmail, "최자격")).Dispose();
        var console = await owner.GetStringAsync($"/Labs/Manage/{labId}");
        var granted = await owner.PostAsync($"/Labs/Manage/{labId}?handler=Grant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(console).Groups[1].Value,
            ["Grant.Email"] = residentEmail,
            ["Grant.EquipmentId"] = equipmentId.ToString(),
            ["Grant.ValidUntil"] = SeoulTime.DateOf(_app.Clock.GetUtcNow()).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        granted.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await granted.Content.ReadAsStringAsync()));
        var after = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Labs/Manage/{labId}"));
        after.ShouldContain("자격 부여를 접수했습니다.");
        after.ShouldContain("최자격 — 오실로스코프");

        using var image = new Image<Rgba32>(64, 48, new Rgba32(30, 120, 200));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        var photo = new ByteArrayContent(png.ToArray());
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(after).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(equipmentId.ToString()), "equipmentId" },
            { photo, "photo", "scope.png" },
        };
        var uploaded = await owner.PostAsync($"/Labs/Manage/{labId}?handler=Photo", upload);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await uploaded.Content.ReadAsStringAsync()));
        (await organization.Owner.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("equipment")[0].GetProperty("photoUrl").GetString().ShouldStartWith("/media/");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
