using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SharingPlatform.Domain.Common;
using SharingPlatform.Tests.Support;

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
