using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Loans;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;
using static SharingPlatform.IntegrationTests.Loans.LoanClient;

namespace SharingPlatform.IntegrationTests.Loans;

/// <summary>Units taken out of service (broken, in repair) and back, over the real HTTP pipeline and PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class UnitOutageTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static Task<HttpResponseMessage> TakeOutAsync(HttpClient desk, Guid resourceId, int units, DateOnly first, DateOnly last, string? reason = "다리 부러짐",
        string? unitLabel = null) =>
        desk.PostAsJsonAsync($"/api/v1/resources/{resourceId}/unit-outages", new { units, unitLabel, firstDay = Day(first), lastDay = Day(last), reason });

    [Fact]
    public async Task A_broken_tent_taken_out_of_service_is_not_lent_on_its_days_and_lends_again_once_back_in_service()
    {
        var (desk, tents) = await _app.TentsAsync(units: 3);
        using var resident = await _app.SignedInResidentAsync();
        var first = _app.SeoulToday().AddDays(2);

        var taken = await TakeOutAsync(desk.Owner, tents, 2, first, first.AddDays(1)).ExpectAsync(HttpStatusCode.Created);

        taken.GetProperty("loansAtRisk").GetArrayLength().ShouldBe(0);
        var outage = taken.GetProperty("outage");
        outage.GetProperty("current").GetBoolean().ShouldBeTrue();
        (await UnitsLeftAsync(resident, tents, first.AddDays(-1), first.AddDays(2))).Values.ShouldBe([3, 1, 1, 3]);
        (await BorrowAsync(resident, tents, 2, first, first).ExpectAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("units_unavailable");
        await BorrowAsync(resident, tents, 1, first, first).ExpectAsync(HttpStatusCode.Created);
        var listed = await desk.Owner.GetAsync($"/api/v1/resources/{tents}/unit-outages").ExpectAsync(HttpStatusCode.OK);
        listed.GetProperty("outages").EnumerateArray().Select(o => o.GetProperty("reason").GetString()).ShouldBe(["다리 부러짐"]);

        var ended = await desk.Owner.PostAsync($"/api/v1/resources/{tents}/unit-outages/{outage.Id()}/end", null).ExpectAsync(HttpStatusCode.OK);
        ended.GetProperty("current").GetBoolean().ShouldBeFalse();
        (await UnitsLeftAsync(resident, tents, first, first.AddDays(1))).Values.ShouldBe([2, 3]);
        (await desk.Owner.PostAsync($"/api/v1/resources/{tents}/unit-outages/{outage.Id()}/end", null).ExpectAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("outage_over");
        (await UnitsLeftAsync(resident, tents, first, first.AddDays(1))).Values.ShouldBe([2, 3]);
        desk.Dispose();
    }

    [Fact]
    public async Task Taking_units_out_of_service_under_promised_loans_names_them_and_tells_their_borrowers()
    {
        var (desk, tents) = await _app.TentsAsync(units: 3);
        using var early = await _app.PersonAsync(displayName: "문텐트");
        using var other = await _app.PersonAsync(displayName: "여유일");
        var pickup = _app.SeoulToday().AddDays(3);
        var atRisk = (await BorrowAsync(early.Client, tents, 2, pickup, pickup.AddDays(1)).ExpectAsync(HttpStatusCode.Created)).Id();
        await BorrowAsync(other.Client, tents, 1, pickup.AddDays(5), pickup.AddDays(5)).ExpectAsync(HttpStatusCode.Created);

        var taken = await TakeOutAsync(desk.Owner, tents, 2, pickup.AddDays(1), pickup.AddDays(5)).ExpectAsync(HttpStatusCode.Created);

        taken.GetProperty("loansAtRisk").EnumerateArray().Select(l => l.Id()).ShouldBe([atRisk]);
        (await desk.Owner.GetAsync($"/api/v1/resources/{tents}/unit-outages").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("loansAtRisk").EnumerateArray().Select(l => l.Id()).ShouldBe([atRisk]);
        (await early.NotificationsAsync("loanUnitsOutOfService", atRisk)).ShouldHaveSingleItem().Body().ShouldContain("대여 데스크가 곧 알려 드립니다");
        (await other.Client.InboxAsync()).OfKind("loanUnitsOutOfService").ShouldBeEmpty();
        (await UnitsLeftAsync(early.Client, tents, pickup, pickup.AddDays(1))).Values.ShouldBe([1, 0]);
        (await early.Client.GetAsync($"/api/v1/loans/{atRisk}").ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("confirmed");

        await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{atRisk}/cancel", new { reason = "텐트 파손" }).ExpectAsync(HttpStatusCode.OK);
        (await desk.Owner.GetAsync($"/api/v1/resources/{tents}/unit-outages").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("loansAtRisk").GetArrayLength().ShouldBe(0);
        desk.Dispose();
    }

    [Fact]
    public async Task An_outage_the_rules_refuse_changes_nothing_and_says_which_rule()
    {
        var (desk, tents) = await _app.TentsAsync(units: 3);
        using var resident = await _app.SignedInResidentAsync();
        var today = _app.SeoulToday();
        await TakeOutAsync(desk.Owner, tents, 2, today.AddDays(1), today.AddDays(1)).ExpectAsync(HttpStatusCode.Created);

        async Task RefusedAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string field)
        {
            var problem = await request.ExpectAsync(status);
            if (status == HttpStatusCode.BadRequest)
                problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
            else
                problem.GetProperty("code").GetString().ShouldBe(field);
        }

        await RefusedAsync(TakeOutAsync(desk.Owner, tents, 2, today.AddDays(1), today.AddDays(2)), HttpStatusCode.UnprocessableEntity, "outage_units_invalid");
        await RefusedAsync(TakeOutAsync(desk.Owner, tents, 4, today.AddDays(3), today.AddDays(3)), HttpStatusCode.UnprocessableEntity, "outage_units_invalid");
        await RefusedAsync(TakeOutAsync(desk.Owner, tents, 1, today.AddDays(-1), today.AddDays(1)), HttpStatusCode.UnprocessableEntity, "outage_days_invalid");
        await RefusedAsync(TakeOutAsync(desk.Owner, tents, 1, today.AddDays(3), today.AddDays(2)), HttpStatusCode.UnprocessableEntity, "outage_days_invalid");
        await RefusedAsync(TakeOutAsync(desk.Owner, tents, 1, today, today, unitLabel: "T-9"), HttpStatusCode.UnprocessableEntity, "unit_label_unknown");
        await RefusedAsync(TakeOutAsync(desk.Owner, tents, 1, today, today, reason: " "), HttpStatusCode.BadRequest, "reason");
        await TakeOutAsync(resident, tents, 1, today, today).ExpectAsync(HttpStatusCode.NotFound);

        (await UnitsLeftAsync(resident, tents, today, today.AddDays(3))).Values.ShouldBe([3, 1, 3, 3]);
        var outages = await _app.QueryAsync(db => db.UnitOutages.CountAsync(o => o.ResourceId == tents));
        outages.ShouldBe(1);
        desk.Dispose();
    }

    [Fact]
    public async Task Loans_racing_an_outage_never_get_units_it_took_unless_they_were_promised_first_and_named()
    {
        var (desk, tents) = await _app.TentsAsync(units: 5, maxUnitsPerPerson: 1);
        var pickup = _app.SeoulToday().AddDays(4);
        var people = await _app.ResidentsAsync(20);

        var loans = people.Select(p => BorrowAsync(p, tents, 1, pickup, pickup)).ToList();
        var outage = TakeOutAsync(desk.Owner, tents, 2, pickup, pickup);
        await Task.WhenAll(loans.Append(outage));

        var atRisk = (await outage.ExpectAsync(HttpStatusCode.Created)).GetProperty("loansAtRisk").EnumerateArray().Select(l => l.Id()).ToList();
        var granted = loans.Count(l => l.Result.StatusCode == HttpStatusCode.Created);
        granted.ShouldBeLessThanOrEqualTo(5);
        if (granted > 3)
            atRisk.Count.ShouldBe(granted, "every loan promised a unit the outage then took is named");
        else
            atRisk.ShouldBeEmpty();
        var day = await _app.QueryAsync(db => db.LoanDays.SingleAsync(d => d.ResourceId == tents && d.Day == pickup));
        (day.UnitsTaken, day.UnitsOutOfService).ShouldBe((granted, 2));
        foreach (var person in people)
            person.Dispose();
        desk.Dispose();
    }

    [Fact]
    public async Task A_resource_cannot_stop_lending_or_shrink_below_the_units_its_loans_hold()
    {
        var (desk, tents) = await _app.TentsAsync(units: 3);
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(2);
        await BorrowAsync(resident, tents, 2, pickup, pickup).ExpectAsync(HttpStatusCode.Created);
        using var admin = await _app.AdministratorAsync();

        async Task<JsonElement> ApproveAsync(JsonObject? lending)
        {
            var current = await desk.Owner.GetAsync($"/api/v1/resources/{tents}").ExpectAsync(HttpStatusCode.OK);
            var body = BookingClient.AroundTheClock(desk.Id, title: "캠핑 텐트 (수정)");
            body["category"] = "goods";
            body["lending"] = lending;
            body["version"] = current.GetProperty("version").GetUInt32();
            await desk.Owner.PutAsJsonAsync($"/api/v1/resources/{tents}", body).ExpectAsync(HttpStatusCode.OK);
            var requestId = await Resources.ChangeRequestTests.QueuedRequestAsync(admin, tents);
            return await admin.PostAsJsonAsync($"/api/v1/admin/change-requests/{requestId}/approve", new { reason = (string?)null })
                .ExpectAsync(HttpStatusCode.Conflict);
        }

        (await ApproveAsync(null)).GetProperty("code").GetString().ShouldBe("units_promised");
        var fewer = new JsonObject
        {
            ["units"] = 1, ["maxLoanDays"] = 3, ["maxUnitsPerPerson"] = 1, ["minNoticeDays"] = 0, ["horizonDays"] = 30, ["depositWon"] = 0,
            ["approvalMode"] = "automatic",
        };
        (await ApproveAsync(fewer)).GetProperty("code").GetString().ShouldBe("units_promised");

        var now = await resident.GetAsync($"/api/v1/resources/{tents}").ExpectAsync(HttpStatusCode.OK);
        now.GetProperty("title").GetString().ShouldBe("캠핑 텐트");
        now.GetProperty("lending").GetProperty("units").GetInt32().ShouldBe(3);
        desk.Dispose();
    }

    [Fact]
    public async Task Units_of_an_overdue_loan_are_held_a_day_ahead_each_day_warning_loans_left_short_and_free_the_day_after_they_come_back()
    {
        var (desk, tents) = await _app.TentsAsync(units: 3);
        using var late = await _app.SignedInResidentAsync();
        using var next = await _app.PersonAsync(displayName: "다음텐트");
        var today = _app.SeoulToday();
        var overdue = (await BorrowAsync(late, tents, 2, today, today.AddDays(1)).ExpectAsync(HttpStatusCode.Created)).Id();
        await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{overdue}/hand-over", new { depositReceived = false }).ExpectAsync(HttpStatusCode.OK);
        var promised = (await BorrowAsync(next.Client, tents, 2, today.AddDays(3), today.AddDays(3)).ExpectAsync(HttpStatusCode.Created)).Id();
        DateTimeOffset Seoul(DateOnly day, int hour, int minute) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(9)).ToUniversalTime();

        using (_app.Clock.Travel(Seoul(today.AddDays(2), 0, 1) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleLoans());
            await _app.SendAsync(new SettleLoans());
        }

        (await UnitsLeftAsync(late, tents, today.AddDays(2), today.AddDays(4))).Values.ShouldBe([1, 0, 3]);
        (await next.NotificationsAsync("loanUnitsOutOfService", promised)).ShouldHaveSingleItem();
        (await desk.Owner.GetAsync($"/api/v1/resources/{tents}/unit-outages").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("loansAtRisk").EnumerateArray().Select(l => l.Id()).ShouldBe([promised]);

        using (_app.Clock.Travel(Seoul(today.AddDays(3), 0, 1) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleLoans());
            (await UnitsLeftAsync(late, tents, today.AddDays(3), today.AddDays(5))).Values.ShouldBe([0, 1, 3]);
            using var deskNow = await _app.SignedInNowAsync(desk.OwnerEmail);
            await deskNow.PostAsJsonAsync($"/api/v1/loans/{overdue}/return", new { units = 2, depositReturned = true }).ExpectAsync(HttpStatusCode.OK);
        }

        (await UnitsLeftAsync(late, tents, today.AddDays(3), today.AddDays(5))).Values.ShouldBe([0, 3, 3]);
        (await next.NotificationsAsync("loanUnitsOutOfService", promised)).ShouldHaveSingleItem();
        desk.Dispose();
    }
}
