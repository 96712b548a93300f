using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Notifications;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Resources;
using SharingPlatform.Domain.Users;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>What administrators' decisions tell the organizations, and the administrators' own morning digest.</summary>
[Collection(AppCollection.Name)]
public sealed class AdministratorNotificationTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Verifying_an_organization_tells_its_owner_and_approving_its_resource_tells_every_member_in_their_language()
    {
        using var owner = await _app.PersonAsync(displayName: "김대표");
        using var staff = await _app.PersonAsync(Language.English, "Staff Kim");
        using var stranger = await _app.PersonAsync();
        var organizationId = await owner.Client.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "군산 나눔공방"));
        using var admin = await _app.AdministratorAsync();

        await admin.VerifyAsync(organizationId, "서류 확인 완료");

        var verified = (await owner.NotificationsAsync("organizationVerified", organizationId)).ShouldHaveSingleItem();
        verified.Title().ShouldBe("군산 나눔공방 단체 인증 완료");
        verified.Body().ShouldContain("사유: 서류 확인 완료");
        verified.Link().ShouldStartWith("/Organizations/");
        (await stranger.Client.InboxAsync()).Items().ShouldBeEmpty();
        (await admin.InboxAsync()).OfKind("organizationVerified", organizationId).ShouldBeEmpty();

        await owner.Client.AddMemberAsync(organizationId, staff.Client, staff.Email);

        var resourceId = await owner.Client.CreateResourceAsync(CatalogClient.ResourceBody(organizationId, "목공 작업대"));
        await owner.Client.SubmitAsync(resourceId);
        await admin.DecideAsync("resources", resourceId, "approve");

        (await owner.NotificationsAsync("resourceApproved", resourceId)).ShouldHaveSingleItem().Title().ShouldBe("'목공 작업대' 공개 승인");
        (await staff.NotificationsAsync("resourceApproved", resourceId)).ShouldHaveSingleItem().Title().ShouldBe("'목공 작업대' is published");
        (await _app.Mailbox.WaitForAsync(staff.Email, m => m.Subject == "[SharingPlatform] '목공 작업대' is published")).TextBody.ShouldNotBeNull()
            .ShouldContain("Hello Staff Kim,");
        (await stranger.Client.InboxAsync()).Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_review_digest_tells_each_administrator_once_a_day_what_waits_for_review()
    {
        // Something waits for review: an organization to verify, a resource and a lab to review.
        using var applicant = await _app.PersonAsync();
        await applicant.Client.RegisterOrganizationAsync();
        using var organization = await _app.VerifiedOrganizationAsync();
        await organization.Owner.SubmitAsync(await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id)));
        var labId = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(organization.Id)));
        await organization.Owner.PostAsync($"/api/v1/labs/{labId}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using var secondAdmin = await _app.AdministratorPersonAsync();
        using var seededAdmin = await _app.AdministratorAsync();
        var seededAdminId = (await seededAdmin.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetGuid();
        using var resident = await _app.PersonAsync();
        var organizations = await _app.QueryAsync(db => db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Pending));
        var resources = await _app.QueryAsync(db => db.Resources.CountAsync(r => r.Status == ResourceStatus.PendingReview));
        var labs = await _app.QueryAsync(db => db.Labs.CountAsync(l => l.Status == LabStatus.PendingReview));

        var digest = await _app.SendAsync(new SendReviewDigest());

        digest.PendingOrganizations.ShouldBe(organizations);
        digest.PendingResources.ShouldBe(resources);
        digest.PendingLabs.ShouldBe(labs);
        labs.ShouldBeGreaterThan(0);
        var told = (await secondAdmin.NotificationsAsync("reviewDigest")).ShouldHaveSingleItem();
        told.Title().ShouldBe($"검토를 기다리는 항목 {organizations + resources + labs}건");
        told.Body().ShouldBe($"인증을 기다리는 단체: {organizations}곳\n검토를 기다리는 공유자원: {resources}건\n검토를 기다리는 공유실험실: {labs}곳");
        told.Link().ShouldBe("/Admin/Review");
        (await DigestsOfTodayAsync(seededAdminId)).ShouldBe(1);
        (await resident.Client.InboxAsync()).Items().ShouldBeEmpty();

        var again = await _app.SendAsync(new SendReviewDigest());

        again.AdministratorsTold.ShouldBe(0);
        (await secondAdmin.NotificationsAsync("reviewDigest")).Count.ShouldBe(1);
        (await DigestsOfTodayAsync(secondAdmin.Id)).ShouldBe(1);
        (await DigestsOfTodayAsync(seededAdminId)).ShouldBe(1);
    }

    /// <summary>The digests an administrator got for today (Asia/Seoul), whichever run wrote them.</summary>
    private Task<int> DigestsOfTodayAsync(Guid administratorId)
    {
        var today = SeoulTime.StartOf(SeoulTime.DateOf(_app.Clock.GetUtcNow()));
        return _app.QueryAsync(db => db.Notifications.CountAsync(n =>
            n.RecipientId == administratorId && n.Kind == NotificationKind.ReviewDigest && n.DueAt == today));
    }
}
