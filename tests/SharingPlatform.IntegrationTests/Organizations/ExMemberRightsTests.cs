using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Organizations;

/// <summary>
/// A staff member named a lab manager, and then removed from the organization (or leaving it), keeps nothing that the
/// membership gave: not the lab, its equipment, qualifications, sessions, check-in and usage, nor the organization's
/// resources and incoming bookings. A manager list that still names them (as one saved before this rule did) grants
/// nothing either.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ExMemberRightsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private sealed record World(TestLab Lab, HttpClient Staff, string StaffEmail, Guid StaffId, Guid Session, Guid Resource, Guid PendingBooking) : IDisposable
    {
        public HttpClient Owner => Lab.Organization.Owner;

        public void Dispose()
        {
            Staff.Dispose();
            Lab.Dispose();
        }
    }

    private async Task<World> WorldAsync()
    {
        var lab = await _app.PublishedLabAsync(4, ("레이저 커터", true));
        var organization = lab.Organization;
        var staffEmail = ApiClient.NewEmail("staff");
        var staff = await _app.SignedInResidentAsync(staffEmail, "이직원");
        await organization.Owner.AddMemberAsync(organization.Id, staff, staffEmail);
        await organization.Owner.PutAsJsonAsync($"/api/v1/labs/{lab.Id}/managers", new { emails = new[] { organization.OwnerEmail, staffEmail } })
            .ExpectAsync(HttpStatusCode.OK);
        var staffId = await _app.QueryAsync(db => db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync());

        using var resident = await _app.SignedInResidentAsync();
        var slot = await resident.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1));
        var session = await resident.BookedLabAsync(lab.Id, slot.StartsAt());

        var body = BookingClient.AroundTheClock(organization.Id);
        body["policy"]!["approvalMode"] = "manual";
        var resource = await _app.PublishedResourceAsync(organization, body);
        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var pending = await resident.BookedAsync(resource, start, start.AddHours(1));

        await staff.GetAsync($"/api/v1/labs/{lab.Id}/sessions").ExpectAsync(HttpStatusCode.OK);
        await staff.GetAsync($"/api/v1/lab-bookings/{session}").ExpectAsync(HttpStatusCode.OK);
        return new World(lab, staff, staffEmail, staffId, session, resource, pending);
    }

    [Fact]
    public async Task A_member_removed_by_an_owner_is_no_longer_a_lab_manager_and_keeps_no_right()
    {
        using var world = await WorldAsync();

        await world.Owner.DeleteAsync($"/api/v1/organizations/{world.Lab.Organization.Id}/members/{world.StaffId}").ExpectAsync(HttpStatusCode.NoContent);

        (await ManagerIdsAsync(world)).ShouldNotContain(world.StaffId);
        await ShouldHaveNoRightAsync(world);
    }

    [Fact]
    public async Task A_member_who_leaves_is_no_longer_a_lab_manager_and_keeps_no_right()
    {
        using var world = await WorldAsync();

        await world.Staff.DeleteAsync($"/api/v1/organizations/{world.Lab.Organization.Id}/members/{world.StaffId}").ExpectAsync(HttpStatusCode.NoContent);

        (await ManagerIdsAsync(world)).ShouldNotContain(world.StaffId);
        var organization = await world.Owner.GetAsync($"/api/v1/organizations/{world.Lab.Organization.Id}").ExpectAsync(HttpStatusCode.OK);
        organization.GetProperty("members").EnumerateArray().ShouldNotContain(m => m.GetProperty("userId").GetGuid() == world.StaffId);
        await ShouldHaveNoRightAsync(world);
    }

    [Fact]
    public async Task A_member_leaves_from_the_organization_page_and_the_last_owner_is_told_they_cannot()
    {
        using var world = await WorldAsync();
        var organizationId = world.Lab.Organization.Id;
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(world.StaffEmail, ApiClient.Password);

        using var left = await site.PostFormAsync($"/Organizations/Details/{organizationId}?handler=Leave", new Dictionary<string, string>());

        left.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        left.Headers.Location!.OriginalString.ShouldBe("/Organizations");
        WebUtility.HtmlDecode(await site.GetStringAsync("/Organizations")).ShouldContain("단체에서 나갔습니다.");
        (await ManagerIdsAsync(world)).ShouldNotContain(world.StaffId);
        await world.Staff.GetAsync($"/api/v1/labs/{world.Lab.Id}/sessions").ExpectAsync(HttpStatusCode.Forbidden);

        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(world.Lab.Organization.OwnerEmail, ApiClient.Password);
        using var refused = await owner.PostFormAsync($"/Organizations/Details/{organizationId}?handler=Leave", new Dictionary<string, string>());
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("단체에는 대표가 한 명 이상 있어야 합니다.");
        (await world.Owner.GetAsync($"/api/v1/organizations/{organizationId}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("members").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_manager_list_that_still_names_an_ex_member_grants_nothing_and_the_lab_page_lists_current_managers_only()
    {
        using var world = await WorldAsync();

        await _app.QueryAsync(db => db.OrganizationMembers
            .Where(m => m.OrganizationId == world.Lab.Organization.Id && m.UserId == world.StaffId).ExecuteDeleteAsync());

        (await _app.QueryAsync(db => db.Labs.Where(l => l.Id == world.Lab.Id).Select(l => l.ManagerIds).SingleAsync())).ShouldContain(world.StaffId);
        (await ManagerIdsAsync(world)).ShouldNotContain(world.StaffId);
        using var anonymous = _app.NewClient();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Labs/Details/{world.Lab.Id}"));
        page.ShouldNotContain("이직원");
        await ShouldHaveNoRightAsync(world);
    }

    private static async Task<List<Guid>> ManagerIdsAsync(World world) =>
        (await world.Owner.GetAsync($"/api/v1/labs/{world.Lab.Id}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("managers").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();

    private async Task ShouldHaveNoRightAsync(World world)
    {
        var labId = world.Lab.Id;
        var equipment = world.Lab.Equipment["레이저 커터"];
        var staff = world.Staff;
        var lab = await world.Owner.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK);
        var edit = LabClient.LabBody(world.Lab.Organization.Id, name: "안전수칙 없는 실험실");
        edit.Remove("organizationId");
        edit["safetyRules"] = "";
        edit["version"] = lab.GetProperty("version").GetUInt32();
        var today = _app.SeoulToday();

        var refusals = new (string Right, Func<Task<HttpResponseMessage>> Request, HttpStatusCode Expected)[]
        {
            ("lab edit", () => staff.PutAsJsonAsync($"/api/v1/labs/{labId}", edit), HttpStatusCode.Forbidden),
            ("lab managers", () => staff.PutAsJsonAsync($"/api/v1/labs/{labId}/managers", new { emails = new[] { world.StaffEmail } }), HttpStatusCode.Forbidden),
            ("equipment add", () => staff.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment",
                new { name = "몰래 들인 장비", model = "X", description = "", requiresQualification = false }), HttpStatusCode.Forbidden),
            ("equipment out of service", () => staff.PostAsJsonAsync($"/api/v1/labs/{labId}/equipment/{equipment}/out-of-service",
                new { from = _app.Clock.GetUtcNow().AddHours(1), until = _app.Clock.GetUtcNow().AddDays(3), reason = "점검" }), HttpStatusCode.Forbidden),
            ("qualifications list", () => staff.GetAsync($"/api/v1/labs/{labId}/qualifications"), HttpStatusCode.Forbidden),
            ("qualification grant", () => staff.GrantAsync(labId, world.StaffEmail, equipment, today.AddYears(1)), HttpStatusCode.Forbidden),
            ("sessions list", () => staff.GetAsync($"/api/v1/labs/{labId}/sessions"), HttpStatusCode.Forbidden),
            ("usage", () => staff.GetAsync($"/api/v1/labs/{labId}/usage?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}"), HttpStatusCode.Forbidden),
            ("session", () => staff.GetAsync($"/api/v1/lab-bookings/{world.Session}"), HttpStatusCode.NotFound),
            ("check-in", () => staff.PostAsync($"/api/v1/lab-bookings/{world.Session}/check-in", null), HttpStatusCode.NotFound),
            ("session cancel", () => staff.PostAsJsonAsync($"/api/v1/lab-bookings/{world.Session}/cancel", new { reason = "마음대로" }), HttpStatusCode.NotFound),
            ("resource edit", () => ResourceEditAsync(world), HttpStatusCode.NotFound),
            ("booking", () => staff.GetAsync($"/api/v1/bookings/{world.PendingBooking}"), HttpStatusCode.NotFound),
            ("booking approve", () => staff.PostAsync($"/api/v1/bookings/{world.PendingBooking}/approve", null), HttpStatusCode.NotFound),
        };
        foreach (var (right, request, expected) in refusals)
        {
            using var response = await request();
            response.StatusCode.ShouldBe(expected, right);
        }

        var incoming = await staff.GetAsync("/api/v1/bookings/incoming").ExpectAsync(HttpStatusCode.OK);
        incoming.GetProperty("items").EnumerateArray().ShouldNotContain(b => b.Id() == world.PendingBooking);
        var mine = await staff.GetAsync("/api/v1/labs/mine").ExpectAsync(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().ShouldNotContain(l => l.Id() == labId);

        (await world.Owner.GetAsync($"/api/v1/labs/{labId}").ExpectAsync(HttpStatusCode.OK)).GetProperty("safetyRules").GetString().ShouldBe("보호안경을 쓰세요.");
        (await world.Owner.LabBookingAsync(world.Session)).GetProperty("status").GetString().ShouldBe("booked");
        (await world.Owner.StatusOfAsync(world.PendingBooking)).ShouldBe("pending");
    }

    private static async Task<HttpResponseMessage> ResourceEditAsync(World world)
    {
        var resource = await world.Owner.GetAsync($"/api/v1/resources/{world.Resource}").ExpectAsync(HttpStatusCode.OK);
        var body = BookingClient.AroundTheClock(world.Lab.Organization.Id, title: "바뀐 제목");
        body.Remove("organizationId");
        body["category"] = resource.GetProperty("category").GetString();
        body["version"] = resource.GetProperty("version").GetUInt32();
        return await world.Staff.PutAsJsonAsync($"/api/v1/resources/{world.Resource}", body);
    }
}
