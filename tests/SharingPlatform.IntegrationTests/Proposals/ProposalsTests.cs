using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Proposals;

/// <summary>Proposals (공유자원 발굴): proposing, the list, one vote per person under races, take-up and the administrator's decision.</summary>
[Collection(AppCollection.Name)]
public sealed class ProposalsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static async Task<Guid> ProposeAsync(HttpClient client, string title, string category = "space", string municipality = "jeonju") =>
        (await client.PostAsJsonAsync("/api/v1/proposals", new { title, description = "마을에 꼭 필요합니다.", category, municipality })
            .ExpectAsync(HttpStatusCode.Created)).Id();

    [Fact]
    public async Task A_proposal_is_made_supported_once_per_person_withdrawn_and_listed_by_support_or_newest()
    {
        using var proposer = await _app.PersonAsync();
        using var supporter = await _app.PersonAsync();
        var municipality = "muju";
        var popular = await ProposeAsync(proposer.Client, "공구 도서관", "equipment", municipality);
        var newer = await ProposeAsync(proposer.Client, "마을 회의실", "space", municipality);

        var supported = await supporter.Client.PostAsync($"/api/v1/proposals/{popular}/support", null).ExpectAsync(HttpStatusCode.OK);
        supported.GetProperty("supportCount").GetInt32().ShouldBe(1);
        supported.GetProperty("mySupport").GetBoolean().ShouldBeTrue();
        (await supporter.Client.PostAsync($"/api/v1/proposals/{popular}/support", null).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("supportCount").GetInt32().ShouldBe(1);
        var seen = await proposer.Client.GetAsync($"/api/v1/proposals/{popular}").ExpectAsync(HttpStatusCode.OK);
        seen.GetProperty("mySupport").GetBoolean().ShouldBeFalse();
        seen.GetProperty("status").GetString().ShouldBe("open");
        seen.GetProperty("category").GetString().ShouldBe("equipment");

        using var anonymous = _app.NewClient();
        var bySupport = await anonymous.GetAsync($"/api/v1/proposals?municipality={municipality}&sort=support").ExpectAsync(HttpStatusCode.OK);
        Ids(bySupport).Take(2).ShouldBe([popular, newer]);
        var newest = await anonymous.GetAsync($"/api/v1/proposals?municipality={municipality}&sort=newest").ExpectAsync(HttpStatusCode.OK);
        Ids(newest).Take(2).ShouldBe([newer, popular]);
        Ids(await anonymous.GetAsync($"/api/v1/proposals?municipality={municipality}&category=space").ExpectAsync(HttpStatusCode.OK)).ShouldContain(newer);
        Ids(await anonymous.GetAsync($"/api/v1/proposals?municipality={municipality}&category=space").ExpectAsync(HttpStatusCode.OK)).ShouldNotContain(popular);

        var withdrawn = await supporter.Client.DeleteAsync($"/api/v1/proposals/{popular}/support").ExpectAsync(HttpStatusCode.OK);
        withdrawn.GetProperty("supportCount").GetInt32().ShouldBe(0);
        withdrawn.GetProperty("mySupport").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_input_is_a_clear_problem_and_makes_no_proposal()
    {
        using var proposer = await _app.PersonAsync();
        var before = await _app.QueryAsync(db => db.Proposals.CountAsync(p => p.ProposerId == proposer.Id));

        var problem = await proposer.Client.PostAsJsonAsync("/api/v1/proposals", new { title = "", category = "castle", municipality = "seoul" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("category", out _).ShouldBeTrue();
        await proposer.Client.PostAsJsonAsync("/api/v1/proposals", new { title = "", category = "space", municipality = "seoul" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        await proposer.Client.GetAsync("/api/v1/proposals?sort=loudest").ExpectAsync(HttpStatusCode.BadRequest);
        using var anonymous = _app.NewClient();
        (await anonymous.PostAsJsonAsync("/api/v1/proposals", new { title = "무단", category = "space", municipality = "jeonju" })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync($"/api/v1/proposals/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);

        (await _app.QueryAsync(db => db.Proposals.CountAsync(p => p.ProposerId == proposer.Id))).ShouldBe(before);
    }

    [Fact]
    public async Task Twenty_supports_at_once_by_one_person_are_one_vote_and_racing_supports_by_different_people_are_each_counted()
    {
        using var proposer = await _app.PersonAsync();
        var id = await ProposeAsync(proposer.Client, "공유 자전거");
        using var eager = await _app.PersonAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => eager.Client.PostAsync($"/api/v1/proposals/{id}/support", null)));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        (await _app.QueryAsync(db => db.ProposalSupports.CountAsync(s => s.ProposalId == id))).ShouldBe(1);

        var people = new List<Person>();
        for (var i = 0; i < 8; i++)
            people.Add(await _app.PersonAsync());
        var racing = await Task.WhenAll(people.Select(p => p.Client.PostAsync($"/api/v1/proposals/{id}/support", null)));
        racing.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        using var anonymous = _app.NewClient();
        (await anonymous.GetAsync($"/api/v1/proposals/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("supportCount").GetInt32().ShouldBe(9);
        foreach (var answer in answers.Concat(racing))
            answer.Dispose();
        foreach (var person in people)
            person.Dispose();
    }

    [Fact]
    public async Task A_member_takes_a_proposal_up_with_their_listing_only_once_and_then_it_cannot_be_supported_or_settled()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var proposer = await _app.PersonAsync();
        using var stranger = await _app.PersonAsync();
        var id = await ProposeAsync(proposer.Client, "야외 천막 대여");

        var refused = await stranger.Client.PostAsJsonAsync($"/api/v1/proposals/{id}/take-up", new { resourceId })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("code").GetString().ShouldBe("resource_not_yours");

        var taken = await organization.Owner.PostAsJsonAsync($"/api/v1/proposals/{id}/take-up", new { resourceId }).ExpectAsync(HttpStatusCode.OK);
        taken.GetProperty("status").GetString().ShouldBe("takenUp");
        taken.GetProperty("resourceId").GetGuid().ShouldBe(resourceId);

        (await stranger.Client.PostAsync($"/api/v1/proposals/{id}/support", null).ExpectAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("proposal_not_open");
        using var admin = await _app.AdministratorAsync();
        (await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{id}/decline", new { reason = "중복" }).ExpectAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("proposal_not_open");
    }

    [Fact]
    public async Task An_administrator_declines_only_with_a_reason_and_accepts_others()
    {
        using var proposer = await _app.PersonAsync();
        var declined = await ProposeAsync(proposer.Client, "드론 공유");
        var accepted = await ProposeAsync(proposer.Client, "공유 부엌");
        using var admin = await _app.AdministratorAsync();

        await proposer.Client.PostAsJsonAsync($"/api/v1/admin/proposals/{accepted}/accept", new { reason = "좋아요" }).ExpectAsync(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{declined}/decline", new { reason = " " }).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("reason_required");
        var stillOpen = await proposer.Client.GetAsync($"/api/v1/proposals/{declined}").ExpectAsync(HttpStatusCode.OK);
        stillOpen.GetProperty("status").GetString().ShouldBe("open");

        var no = await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{declined}/decline", new { reason = "안전 기준에 맞지 않습니다" }).ExpectAsync(HttpStatusCode.OK);
        no.GetProperty("status").GetString().ShouldBe("declined");
        no.GetProperty("statusReason").GetString().ShouldBe("안전 기준에 맞지 않습니다");
        (await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{accepted}/accept", new { reason = "내년 예산에 반영" }).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("accepted");
    }

    [Fact]
    public async Task The_proposer_and_the_supporters_are_told_when_a_member_takes_the_proposal_up_and_when_an_administrator_declines_one()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var proposer = await _app.PersonAsync();
        using var supporter = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        var takenUp = await ProposeAsync(proposer.Client, "공유 카메라");
        var declined = await ProposeAsync(proposer.Client, "공유 요트");
        foreach (var id in new[] { takenUp, declined })
            await supporter.Client.PostAsync($"/api/v1/proposals/{id}/support", null).ExpectAsync(HttpStatusCode.OK);

        await organization.Owner.PostAsJsonAsync($"/api/v1/proposals/{takenUp}/take-up", new { resourceId }).ExpectAsync(HttpStatusCode.OK);
        await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{declined}/decline", new { reason = "보관 장소가 없습니다" }).ExpectAsync(HttpStatusCode.OK);

        var organizationName = await _app.QueryAsync(db => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync());
        foreach (var person in new[] { proposer, supporter })
        {
            var told = (await person.NotificationsAsync("proposalTakenUp", takenUp)).ShouldHaveSingleItem();
            told.GetProperty("body").GetString().ShouldNotBeNull().ShouldContain(organizationName);
            (await person.NotificationsAsync("proposalDeclined", declined)).ShouldHaveSingleItem()
                .GetProperty("body").GetString().ShouldNotBeNull().ShouldContain("보관 장소가 없습니다");
        }
        (await _app.OutgoingEmailsToAsync(supporter.Email)).ShouldContain(e => e.Subject.Contains("공유 카메라", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_take_up_and_a_decline_at_the_same_moment_settle_the_proposal_once_and_tell_people_once()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var proposer = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        for (var round = 0; round < 5; round++)
        {
            var id = await ProposeAsync(proposer.Client, $"동시 결정 {round}");

            var answers = await Task.WhenAll(
                organization.Owner.PostAsJsonAsync($"/api/v1/proposals/{id}/take-up", new { resourceId }),
                admin.PostAsJsonAsync($"/api/v1/admin/proposals/{id}/decline", new { reason = "중복 제안" }));

            answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var status = (await proposer.Client.GetAsync($"/api/v1/proposals/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString();
            var told = (await proposer.NotificationsAsync("proposalTakenUp", id)).Count + (await proposer.NotificationsAsync("proposalDeclined", id)).Count;
            told.ShouldBe(1);
            (await proposer.NotificationsAsync(status == "takenUp" ? "proposalTakenUp" : "proposalDeclined", id)).ShouldHaveSingleItem();
            foreach (var answer in answers)
                answer.Dispose();
        }
    }

    [Fact]
    public async Task A_reported_proposal_suspended_by_an_administrator_is_hidden_from_others_but_not_from_its_proposer_who_is_told_and_comes_back_when_restored()
    {
        using var proposer = await _app.PersonAsync();
        using var reporter = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        using var anonymous = _app.NewClient();
        var id = await ProposeAsync(proposer.Client, "광고성 제안", municipality: "buan");
        await reporter.Client.PostAsJsonAsync("/api/v1/reports", new { subjectType = "proposal", subjectId = id, reason = "spam", details = "홍보 글입니다" })
            .ExpectAsync(HttpStatusCode.Created);
        var reported = await admin.GetAsync($"/api/v1/admin/reports/subjects/proposal/{id}").ExpectAsync(HttpStatusCode.OK);
        reported.GetRawText().ShouldContain("광고성 제안");

        await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{id}/suspend", new { reason = " " }).ExpectAsync(HttpStatusCode.BadRequest);
        await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{id}/suspend", new { reason = "상업 광고" }).ExpectAsync(HttpStatusCode.NoContent);

        await anonymous.GetAsync($"/api/v1/proposals/{id}").ExpectAsync(HttpStatusCode.NotFound);
        Ids(await anonymous.GetAsync("/api/v1/proposals?municipality=buan&sort=newest").ExpectAsync(HttpStatusCode.OK)).ShouldNotContain(id);
        await reporter.Client.PostAsync($"/api/v1/proposals/{id}/support", null).ExpectAsync(HttpStatusCode.NotFound);
        (await proposer.Client.GetAsync($"/api/v1/proposals/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("suspended").GetBoolean().ShouldBeTrue();
        (await proposer.NotificationsAsync("proposalSuspended", id)).ShouldHaveSingleItem()
            .GetProperty("body").GetString().ShouldNotBeNull().ShouldContain("상업 광고");
        (await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{id}/suspend", new { reason = "다시" }).ExpectAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("proposal_suspended");

        await admin.PostAsJsonAsync($"/api/v1/admin/proposals/{id}/restore", new { }).ExpectAsync(HttpStatusCode.NoContent);
        (await anonymous.GetAsync($"/api/v1/proposals/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("suspended").GetBoolean().ShouldBeFalse();
        (await proposer.NotificationsAsync("proposalRestored", id)).ShouldHaveSingleItem();
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.Id()).ToList();
}
