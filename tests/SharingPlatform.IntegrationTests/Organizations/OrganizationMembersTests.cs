using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Organizations;

[Collection(AppCollection.Name)]
public sealed class OrganizationMembersTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task An_owner_invites_a_staff_member_who_joins_only_once_they_accept()
    {
        using var organization = await _app.VerifiedOrganizationAsync("익산 공구도서관 사회적협동조합");
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail, "이직원");

        var invited = await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = staffEmail, role = "staff" })
            .ExpectAsync(HttpStatusCode.Accepted);
        invited.GetProperty("status").GetString().ShouldBe("invited");

        // Invited, not yet a member: the organization's resources are not theirs to create.
        await staff.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id)).ExpectAsync(HttpStatusCode.NotFound);
        (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organizations").GetArrayLength().ShouldBe(0);
        var pending = (await organization.Owner.GetAsync($"/api/v1/organizations/{organization.Id}/invitations").ExpectAsync(HttpStatusCode.OK))
            .EnumerateArray().ShouldHaveSingleItem();
        pending.GetProperty("email").GetString().ShouldBe(staffEmail);
        pending.GetProperty("role").GetString().ShouldBe("staff");
        var inbox = await staff.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var notice = inbox.GetProperty("notifications").GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        notice.GetProperty("kind").GetString().ShouldBe("organizationInvitation");
        notice.GetProperty("title").GetString().ShouldBe("익산 공구도서관 사회적협동조합 초대");
        notice.GetProperty("link").GetString().ShouldBe("/Invitations");
        var invitation = (await staff.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ShouldHaveSingleItem();
        invitation.GetProperty("organizationName").GetString().ShouldBe("익산 공구도서관 사회적협동조합");
        invitation.GetProperty("role").GetString().ShouldBe("staff");
        invitation.GetProperty("invitedBy").GetString().ShouldBe("김대표");

        var details = await staff.PostAsync($"/api/v1/invitations/{invitation.Id()}/accept", null).ExpectAsync(HttpStatusCode.OK);

        details.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString()))
            .ShouldBe([(organization.OwnerEmail, "owner"), (staffEmail, "staff")], ignoreOrder: true);
        var me = await staff.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var mine = me.GetProperty("organizations").EnumerateArray().ShouldHaveSingleItem();
        mine.GetProperty("id").GetGuid().ShouldBe(organization.Id);
        mine.GetProperty("role").GetString().ShouldBe("staff");
        var resource = await staff.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id, "전동 드릴 세트"))
            .ExpectAsync(HttpStatusCode.Created);
        resource.GetProperty("organizationId").GetGuid().ShouldBe(organization.Id);
        (await staff.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        (await organization.Owner.GetAsync($"/api/v1/organizations/{organization.Id}/invitations").ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        using var twice = await staff.PostAsync($"/api/v1/invitations/{invitation.Id()}/accept", null);
        twice.StatusCode.ShouldBe((HttpStatusCode)422);
        (await twice.ProblemAsync()).GetProperty("code").GetString().ShouldBe("invitation_not_pending");
    }

    [Fact]
    public async Task Inviting_an_email_without_an_account_answers_exactly_as_for_one_with_an_account_and_invites_them_to_sign_up()
    {
        using var organization = await _app.VerifiedOrganizationAsync("정읍 마을부엌");
        var knownEmail = ApiClient.NewEmail("known");
        using var known = await _app.SignedInResidentAsync(knownEmail);
        var unknownEmail = ApiClient.NewEmail("newcomer");

        using var toKnown = await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = knownEmail, role = "staff" });
        using var toUnknown = await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = unknownEmail, role = "staff" });

        toUnknown.StatusCode.ShouldBe(toKnown.StatusCode);
        toUnknown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await toUnknown.Content.ReadAsStringAsync()).ShouldBe(await toKnown.Content.ReadAsStringAsync());
        var mail = await _app.Mailbox.WaitForAsync(unknownEmail);
        mail.Subject!.ShouldContain("정읍 마을부엌 초대");
        mail.TextBody!.ShouldContain("/Account/Register");

        // The newcomer signs up with that email, confirms it, and finds the invitation waiting.
        using var newcomer = await _app.SignedInResidentAsync(unknownEmail, "새내기");
        await organization.Owner.AddMemberAsync(organization.Id, newcomer, unknownEmail);
        var members = (await organization.Owner.GetAsync($"/api/v1/organizations/{organization.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("members");
        members.EnumerateArray().Select(m => m.GetProperty("email").GetString()).ShouldContain(unknownEmail);
    }

    [Fact]
    public async Task A_declined_or_withdrawn_invitation_makes_nobody_a_member_and_only_the_invited_person_can_answer()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var invitedEmail = ApiClient.NewEmail("invited");
        using var invited = await _app.SignedInResidentAsync(invitedEmail);
        using var someoneElse = await _app.SignedInResidentAsync();
        await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = invitedEmail, role = "owner" })
            .ExpectAsync(HttpStatusCode.Accepted);
        var invitation = (await invited.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ShouldHaveSingleItem().Id();

        await someoneElse.PostAsync($"/api/v1/invitations/{invitation}/accept", null).ExpectAsync(HttpStatusCode.NotFound);
        (await someoneElse.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        await invited.PostAsync($"/api/v1/invitations/{invitation}/decline", null).ExpectAsync(HttpStatusCode.NoContent);
        await invited.PostAsync($"/api/v1/invitations/{invitation}/accept", null).ExpectAsync((HttpStatusCode)422);

        await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = invitedEmail, role = "staff" })
            .ExpectAsync(HttpStatusCode.Accepted);
        var second = (await organization.Owner.GetAsync($"/api/v1/organizations/{organization.Id}/invitations").ExpectAsync(HttpStatusCode.OK))
            .EnumerateArray().ShouldHaveSingleItem().Id();
        await organization.Owner.DeleteAsync($"/api/v1/organizations/{organization.Id}/invitations/{second}").ExpectAsync(HttpStatusCode.NoContent);
        (await invited.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        await invited.PostAsync($"/api/v1/invitations/{second}/accept", null).ExpectAsync((HttpStatusCode)422);

        (await _app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task An_invitation_answered_after_two_weeks_has_expired()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var invitedEmail = ApiClient.NewEmail("late");
        using var invited = await _app.SignedInResidentAsync(invitedEmail);
        await organization.Owner.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = invitedEmail, role = "staff" })
            .ExpectAsync(HttpStatusCode.Accepted);
        var invitation = (await invited.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ShouldHaveSingleItem().Id();

        using (_app.Clock.Travel(TimeSpan.FromDays(15)))
        {
            using var late = await _app.SignedInNowAsync(invitedEmail);
            using var response = await late.PostAsync($"/api/v1/invitations/{invitation}/accept", null);
            response.StatusCode.ShouldBe((HttpStatusCode)422);
            (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("invitation_expired");
            (await late.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        }

        (await _app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task On_the_site_an_owner_invites_from_the_organization_page_and_the_person_accepts_from_my_invitations()
    {
        using var organization = await _app.VerifiedOrganizationAsync("완주 로컬푸드 협동조합");
        var staffEmail = ApiClient.NewEmail("staff");
        using var staffApi = await _app.SignedInResidentAsync(staffEmail, "박직원");
        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var page = $"/Organizations/Details/{organization.Id}";

        using var invited = await owner.PostFormAsync($"{page}?handler=Invite", new Dictionary<string, string>
        {
            ["NewMember.Email"] = staffEmail,
            ["NewMember.Role"] = "Staff",
        });
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ownerView = WebUtility.HtmlDecode(await owner.GetStringAsync(page));
        ownerView.ShouldContain("초대를 보냈습니다.");
        ownerView.ShouldContain("답을 기다리는 초대");
        ownerView.ShouldContain(staffEmail);

        using var staff = _app.NewClient(followRedirects: false);
        await staff.SignInAsync(staffEmail, ApiClient.Password);
        var invitations = WebUtility.HtmlDecode(await staff.GetStringAsync("/Invitations"));
        invitations.ShouldContain("완주 로컬푸드 협동조합");
        invitations.ShouldContain("김대표님이 담당자(으)로 초대했습니다.");
        var invitationId = (await staffApi.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ShouldHaveSingleItem().Id();

        using var accepted = await staff.PostFormAsync("/Invitations?handler=Accept", new Dictionary<string, string> { ["invitationId"] = invitationId.ToString() });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe(page);
        WebUtility.HtmlDecode(await staff.GetStringAsync(page)).ShouldContain("단체에서 나가기");
        WebUtility.HtmlDecode(await owner.GetStringAsync(page)).ShouldNotContain("답을 기다리는 초대");
    }

    [Fact]
    public async Task A_pending_organization_invites_nobody()
    {
        using var owner = await _app.SignedInResidentAsync();
        var organizationId = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody());

        using var response = await owner.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email = ApiClient.NewEmail("staff"), role = "staff" });

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("organization_not_verified");
        (await _app.QueryAsync(db => db.OrganizationInvitations.CountAsync(i => i.OrganizationId == organizationId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_staff_member_cannot_add_members()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail);
        await organization.Owner.AddMemberAsync(organization.Id, staff, staffEmail);
        var outsiderEmail = ApiClient.NewEmail("outsider");
        using var outsider = await _app.SignedInResidentAsync(outsiderEmail);

        using var response = await staff.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = outsiderEmail, role = "owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
        (await _app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Someone_outside_the_organization_cannot_add_members_and_gets_404()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var outsiderEmail = ApiClient.NewEmail("outsider");
        using var outsider = await _app.SignedInResidentAsync(outsiderEmail);

        using var response = await outsider.PostAsJsonAsync($"/api/v1/organizations/{organization.Id}/members", new { email = outsiderEmail, role = "owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_someone_who_is_already_a_member_is_refused_with_its_code()
    {
        using var organization = await _app.VerifiedOrganizationAsync();

        using var response = await organization.Owner.PostAsJsonAsync(
            $"/api/v1/organizations/{organization.Id}/members", new { email = organization.OwnerEmail, role = "staff" });

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        (await response.ProblemAsync()).GetProperty("code").GetString().ShouldBe("already_member");
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed_but_a_staff_member_can_and_then_loses_access()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var ownerId = (await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
        var staffEmail = ApiClient.NewEmail("staff");
        using var staff = await _app.SignedInResidentAsync(staffEmail);
        var staffId = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
        await organization.Owner.AddMemberAsync(organization.Id, staff, staffEmail);

        using (var lastOwner = await organization.Owner.DeleteAsync($"/api/v1/organizations/{organization.Id}/members/{ownerId}"))
        {
            lastOwner.StatusCode.ShouldBe((HttpStatusCode)422);
            (await lastOwner.ProblemAsync()).GetProperty("code").GetString().ShouldBe("last_owner");
        }

        await organization.Owner.DeleteAsync($"/api/v1/organizations/{organization.Id}/members/{staffId}").ExpectAsync(HttpStatusCode.NoContent);

        (await _app.QueryAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == organization.Id).Select(m => m.UserId).ToListAsync()))
            .ShouldBe([ownerId]);
        await staff.PostAsJsonAsync("/api/v1/resources", CatalogClient.ResourceBody(organization.Id)).ExpectAsync(HttpStatusCode.NotFound);
        (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organizations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task With_a_second_owner_the_first_may_leave()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var ownerId = (await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
        var secondEmail = ApiClient.NewEmail("owner2");
        using var second = await _app.SignedInResidentAsync(secondEmail);
        await organization.Owner.AddMemberAsync(organization.Id, second, secondEmail, "owner");

        await second.DeleteAsync($"/api/v1/organizations/{organization.Id}/members/{ownerId}").ExpectAsync(HttpStatusCode.NoContent);

        var me = await second.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("organizations").EnumerateArray().ShouldHaveSingleItem().GetProperty("role").GetString().ShouldBe("owner");
    }

    [Fact]
    public async Task Two_owners_removing_each_other_at_once_never_leave_the_organization_without_an_owner()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var organization = await _app.VerifiedOrganizationAsync();
            var firstId = (await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
            var secondEmail = ApiClient.NewEmail("owner2");
            var second = await _app.SignedInResidentAsync(secondEmail);
            var secondId = (await second.GetFromJsonAsync<JsonElement>("/api/v1/me")).Id();
            await organization.Owner.AddMemberAsync(organization.Id, second, secondEmail, "owner");
            return (organization, second, firstId, secondId);
        }));
        try
        {
            var removals = await Task.WhenAll(pairs.SelectMany(p => new[]
            {
                p.organization.Owner.DeleteAsync($"/api/v1/organizations/{p.organization.Id}/members/{p.secondId}"),
                p.second.DeleteAsync($"/api/v1/organizations/{p.organization.Id}/members/{p.firstId}"),
            }));
            foreach (var removal in removals)
            {
                removal.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
                removal.Dispose();
            }

            foreach (var (organization, _, _, _) in pairs)
            {
                var owners = await _app.QueryAsync(db => db.OrganizationMembers
                    .CountAsync(m => m.OrganizationId == organization.Id && m.Role == SharingPlatform.Domain.Organizations.MemberRole.Owner));
                owners.ShouldBe(1);
            }
        }
        finally
        {
            foreach (var (organization, second, _, _) in pairs)
            {
                organization.Dispose();
                second.Dispose();
            }
        }
    }
}
