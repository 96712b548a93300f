using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Calendar = Ical.Net.Calendar;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Loans;
using SharingPlatform.IntegrationTests.Administration;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;
using static SharingPlatform.IntegrationTests.Loans.LoanClient;

namespace SharingPlatform.IntegrationTests.Loans;

/// <summary>Goods lent by the day in units, over the real HTTP pipeline and PostgreSQL: the database settles every race.</summary>
[Collection(AppCollection.Name)]
public sealed class LoanTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_resident_borrows_two_of_three_tents_for_three_days_and_cancelling_frees_them_at_once()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(2);

        var loan = await BorrowAsync(resident, tents, 2, pickup, pickup.AddDays(2)).ExpectAsync(HttpStatusCode.Created);

        loan.GetProperty("status").GetString().ShouldBe("confirmed");
        loan.GetProperty("depositWon").GetInt32().ShouldBe(20000);
        var left = await UnitsLeftAsync(resident, tents, pickup.AddDays(-1), pickup.AddDays(3));
        left.ShouldBe(new Dictionary<DateOnly, int>
        {
            [pickup.AddDays(-1)] = 3, [pickup] = 1, [pickup.AddDays(1)] = 1, [pickup.AddDays(2)] = 1, [pickup.AddDays(3)] = 3,
        });

        var cancelled = await resident.PostAsJsonAsync($"/api/v1/loans/{loan.Id()}/cancel", new { reason = (string?)null }).ExpectAsync(HttpStatusCode.OK);
        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        (await UnitsLeftAsync(resident, tents, pickup, pickup.AddDays(2))).Values.ShouldAllBe(units => units == 3);
        desk.Dispose();
    }

    [Fact]
    public async Task Fifty_people_asking_at_once_for_the_last_units_get_exactly_the_units_that_exist()
    {
        var (desk, tents) = await _app.TentsAsync(units: 5, maxUnitsPerPerson: 1);
        var pickup = _app.SeoulToday().AddDays(3);
        using var early = await _app.SignedInResidentAsync();
        // One day of the range already has a tent out: four are left on it, five on the next.
        await BorrowAsync(early, tents, 1, pickup, pickup).ExpectAsync(HttpStatusCode.Created);
        var people = await _app.ResidentsAsync(50);

        var answers = await Task.WhenAll(people.Select(p => BorrowAsync(p, tents, 1, pickup, pickup.AddDays(1))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(4);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(46);
        var refusal = await answers.First(a => a.StatusCode == HttpStatusCode.Conflict).ProblemAsync();
        refusal.GetProperty("code").GetString().ShouldBe("units_unavailable");
        refusal.GetProperty("detail").GetString()!.ShouldContain(Day(pickup));
        refusal.GetProperty("days").EnumerateArray().Select(d => d.GetString()).ShouldBe([Day(pickup)]);
        var counted = await _app.QueryAsync(db => db.LoanDays.Where(d => d.ResourceId == tents).OrderBy(d => d.Day).Select(d => d.UnitsTaken).ToListAsync());
        counted.ShouldBe([5, 4]);
        (await _app.QueryAsync(db => db.Loans.CountAsync(l => l.ResourceId == tents))).ShouldBe(5);
        foreach (var person in people)
            person.Dispose();
        desk.Dispose();
    }

    [Fact]
    public async Task One_person_asking_twice_at_once_stays_within_the_personal_cap()
    {
        var (desk, tents) = await _app.TentsAsync(units: 10, maxUnitsPerPerson: 2);
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => BorrowAsync(resident, tents, 1, pickup, pickup)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("over_personal_cap");
        }

        desk.Dispose();
    }

    [Fact]
    public async Task A_loan_the_rules_refuse_changes_nothing_and_says_which_rule()
    {
        var (desk, tents) = await _app.TentsAsync(maxLoanDays: 2);
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(1);

        foreach (var (units, from, to, code) in new[]
                 {
                     (1, pickup, pickup.AddDays(2), "too_long"),
                     (3, pickup, pickup, "too_many_units"),
                     (1, pickup.AddDays(1), pickup, "return_before_pickup"),
                     (1, pickup.AddDays(40), pickup.AddDays(40), "beyond_horizon"),
                 })
        {
            var refused = await BorrowAsync(resident, tents, units, from, to).ExpectAsync(HttpStatusCode.UnprocessableEntity);
            refused.GetProperty("code").GetString().ShouldBe(code);
        }

        (await _app.QueryAsync(db => db.Loans.CountAsync(l => l.ResourceId == tents))).ShouldBe(0);
        (await UnitsLeftAsync(resident, tents, pickup, pickup.AddDays(2))).Values.ShouldAllBe(units => units == 3);
        desk.Dispose();
    }

    [Fact]
    public async Task A_loan_is_seen_by_its_borrower_and_the_lending_desk_and_by_no_one_else()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var resident = await _app.SignedInResidentAsync();
        using var stranger = await _app.SignedInResidentAsync();
        var loan = (await BorrowAsync(resident, tents, 1, _app.SeoulToday().AddDays(1), _app.SeoulToday().AddDays(1)).ExpectAsync(HttpStatusCode.Created)).Id();

        (await resident.GetAsync($"/api/v1/loans/{loan}").ExpectAsync(HttpStatusCode.OK)).GetProperty("history").GetArrayLength().ShouldBe(1);
        await desk.Owner.GetAsync($"/api/v1/loans/{loan}").ExpectAsync(HttpStatusCode.OK);
        await stranger.GetAsync($"/api/v1/loans/{loan}").ExpectAsync(HttpStatusCode.NotFound);
        await stranger.PostAsJsonAsync($"/api/v1/loans/{loan}/cancel", new { reason = "x" }).ExpectAsync(HttpStatusCode.NotFound);
        (await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/cancel", new { reason = "" }).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("reason_required");
        desk.Dispose();
    }

    [Fact]
    public async Task A_resource_booked_by_the_slot_has_no_loan_availability()
    {
        using var desk = await _app.VerifiedOrganizationAsync();
        var room = await _app.PublishedResourceAsync(desk, BookingClient.AroundTheClock(desk.Id));
        var today = Day(_app.SeoulToday());

        var refused = await desk.Owner.GetAsync($"/api/v1/resources/{room}/loan-availability?from={today}&to={today}").ExpectAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("code").GetString().ShouldBe("resource_not_lent");
        (await desk.Owner.GetAsync($"/api/v1/resources/{room}").ExpectAsync(HttpStatusCode.OK)).GetProperty("sharingMode").GetString().ShouldBe("slots");
    }

    [Fact]
    public async Task The_desk_hands_two_tents_over_takes_one_back_early_and_the_other_damaged_keeping_the_deposit()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var resident = await _app.SignedInResidentAsync();
        var today = _app.SeoulToday();
        var loan = (await BorrowAsync(resident, tents, 2, today, today.AddDays(2)).ExpectAsync(HttpStatusCode.Created)).Id();

        await resident.PostAsJsonAsync($"/api/v1/loans/{loan}/hand-over", new { depositReceived = true }).ExpectAsync(HttpStatusCode.Forbidden);
        var handedOver = await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/hand-over", new { conditionNote = "깨끗함", depositReceived = true })
            .ExpectAsync(HttpStatusCode.OK);
        handedOver.GetProperty("status").GetString().ShouldBe("out");
        handedOver.GetProperty("unitsOut").GetInt32().ShouldBe(2);

        var partly = await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/return", new { units = 1, conditionNote = "이상 없음", depositReturned = true })
            .ExpectAsync(HttpStatusCode.OK);
        partly.GetProperty("status").GetString().ShouldBe("out");
        partly.GetProperty("unitsReturned").GetInt32().ShouldBe(1);
        var left = await UnitsLeftAsync(resident, tents, today, today.AddDays(2));
        left[today].ShouldBe(1); // the tent came back today: it is free from tomorrow
        left[today.AddDays(1)].ShouldBe(2);

        (await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/return", new { units = 1, damaged = true, depositReturned = false })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString().ShouldBe("reason_required");
        var returned = await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/return",
            new { units = 1, conditionNote = "천 찢어짐", damaged = true, depositReturned = false, reason = "수선비" }).ExpectAsync(HttpStatusCode.OK);
        returned.GetProperty("status").GetString().ShouldBe("returned");
        returned.GetProperty("damaged").GetBoolean().ShouldBeTrue();
        returned.GetProperty("depositReturned").GetBoolean().ShouldBeFalse();
        returned.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("천 찢어짐 / 수선비");
        (await UnitsLeftAsync(resident, tents, today.AddDays(1), today.AddDays(2))).Values.ShouldAllBe(units => units == 3);
        var incoming = await desk.Owner.GetAsync($"/api/v1/loans/incoming?day={Day(today)}").ExpectAsync(HttpStatusCode.OK);
        incoming.GetProperty("items").EnumerateArray().Select(l => l.Id()).ShouldContain(loan);
        desk.Dispose();
    }

    [Fact]
    public async Task Under_manual_approval_the_desk_confirms_one_request_and_rejecting_another_frees_its_units()
    {
        var (desk, tents) = await _app.TentsAsync(approvalMode: "manual");
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(1);
        var first = await BorrowAsync(resident, tents, 1, pickup, pickup).ExpectAsync(HttpStatusCode.Created);
        first.GetProperty("status").GetString().ShouldBe("requested");
        var second = (await BorrowAsync(resident, tents, 1, pickup, pickup).ExpectAsync(HttpStatusCode.Created)).Id();

        await resident.PostAsync($"/api/v1/loans/{first.Id()}/approve", null).ExpectAsync(HttpStatusCode.Forbidden);
        (await desk.Owner.PostAsync($"/api/v1/loans/{first.Id()}/approve", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("confirmed");
        (await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{second}/reject", new { reason = "행사 준비로 부족" }).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("rejected");

        (await UnitsLeftAsync(resident, tents, pickup, pickup))[pickup].ShouldBe(2);
        var mine = await resident.GetAsync("/api/v1/loans/mine").ExpectAsync(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("status").GetString()).Order().ShouldBe(["confirmed", "rejected"]);
        desk.Dispose();
    }

    [Fact]
    public async Task A_loan_not_back_after_its_return_day_is_reminded_the_day_before_goes_overdue_telling_both_sides_and_is_written_off_after_two_weeks()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var resident = await _app.SignedInResidentAsync();
        var today = _app.SeoulToday();
        var loan = (await BorrowAsync(resident, tents, 1, today, today.AddDays(2)).ExpectAsync(HttpStatusCode.Created)).Id();
        (await resident.InboxAsync()).OfKind("loanConfirmed").ShouldHaveSingleItem();
        await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/hand-over", new { depositReceived = false }).ExpectAsync(HttpStatusCode.OK);
        DateTimeOffset Seoul(DateOnly day, int hour, int minute) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(9)).ToUniversalTime();

        await _app.DispatchRemindersAtAsync(Seoul(today.AddDays(1), 9, 5));
        (await resident.InboxAsync()).OfKind("loanReturnReminder").ShouldHaveSingleItem();

        async Task<string?> StatusAsync() => (await resident.GetAsync($"/api/v1/loans/{loan}").ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString();
        using (_app.Clock.Travel(Seoul(today.AddDays(2), 23, 59) - _app.Clock.GetUtcNow()))
            await _app.SendAsync(new SettleLoans());
        (await StatusAsync()).ShouldBe("out");
        using (_app.Clock.Travel(Seoul(today.AddDays(3), 0, 1) - _app.Clock.GetUtcNow()))
            (await _app.SendAsync(new SettleLoans())).Overdue.ShouldBeGreaterThanOrEqualTo(1);
        (await StatusAsync()).ShouldBe("overdue");

        await _app.DispatchRemindersAtAsync(Seoul(today.AddDays(3), 9, 5));
        (await resident.InboxAsync()).OfKind("loanOverdue").ShouldHaveSingleItem();
        (await desk.Owner.InboxAsync()).OfKind("loanOverdue").ShouldHaveSingleItem();

        (await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/lost", new { reason = "연락 두절" }).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("too_early_to_mark_lost");
        await resident.PostAsJsonAsync($"/api/v1/loans/{loan}/lost", new { reason = "연락 두절" }).ExpectAsync(HttpStatusCode.Forbidden);
        using (_app.Clock.Travel(Seoul(today.AddDays(17), 0, 1) - _app.Clock.GetUtcNow()))
        {
            using var later = await _app.SignedInNowAsync(desk.OwnerEmail);
            var lost = await later.PostAsJsonAsync($"/api/v1/loans/{loan}/lost", new { reason = "연락 두절" }).ExpectAsync(HttpStatusCode.OK);
            lost.GetProperty("status").GetString().ShouldBe("lost");
            lost.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("연락 두절");
        }

        desk.Dispose();
    }

    [Fact]
    public async Task Suspending_a_borrower_cancels_the_loans_not_picked_up_and_tells_the_desk_of_those_and_of_the_units_still_out()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var borrower = await _app.PersonAsync(displayName: "정대여");
        var today = _app.SeoulToday();
        var outNow = (await BorrowAsync(borrower.Client, tents, 1, today, today.AddDays(1)).ExpectAsync(HttpStatusCode.Created)).Id();
        await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{outNow}/hand-over", new { depositReceived = true }).ExpectAsync(HttpStatusCode.OK);
        var upcoming = (await BorrowAsync(borrower.Client, tents, 1, today.AddDays(3), today.AddDays(4)).ExpectAsync(HttpStatusCode.Created)).Id();
        using var admin = await _app.AdministratorAsync();

        await admin.SuspendAsync(borrower.Id, "허위 대여 반복");

        (await desk.Owner.GetAsync($"/api/v1/loans/{upcoming}").ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("cancelled");
        (await desk.Owner.GetAsync($"/api/v1/loans/{outNow}").ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("out");
        (await UnitsLeftAsync(desk.Owner, tents, today.AddDays(3), today.AddDays(4))).Values.ShouldAllBe(units => units == 3);
        var inbox = await desk.Owner.InboxAsync();
        inbox.OfKind("loanCancelled").ShouldHaveSingleItem().Body().ShouldContain("정대여님의 계정이 정지되어");
        inbox.OfKind("loanBorrowerSuspended").ShouldHaveSingleItem().Body().ShouldContain("아직 반납되지 않았습니다");
        desk.Dispose();
    }

    [Fact]
    public async Task The_search_finds_goods_with_enough_units_free_on_every_day_of_a_range()
    {
        var word = CatalogClient.NewHangulWord();
        var (desk, tents) = await _app.TentsAsync(title: $"{word} 텐트");
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(2);
        await BorrowAsync(resident, tents, 2, pickup, pickup.AddDays(1)).ExpectAsync(HttpStatusCode.Created);

        async Task<IEnumerable<Guid>> FoundAsync(int units, DateOnly from, DateOnly to) =>
            (await resident.GetAsync($"/api/v1/resources?q={Uri.EscapeDataString(word)}&units={units}&availableFromDay={Day(from)}&availableToDay={Day(to)}")
                .ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(r => r.Id());

        (await FoundAsync(1, pickup, pickup.AddDays(1))).ShouldBe([tents]);
        (await FoundAsync(2, pickup.AddDays(1), pickup.AddDays(3))).ShouldBeEmpty();
        (await FoundAsync(2, pickup.AddDays(2), pickup.AddDays(3))).ShouldBe([tents]);
        (await FoundAsync(4, pickup.AddDays(2), pickup.AddDays(3))).ShouldBeEmpty();
        var refused = await resident.GetAsync($"/api/v1/resources?units=2&availableFromDay={Day(pickup)}").ExpectAsync(HttpStatusCode.BadRequest);
        refused.GetProperty("errors").TryGetProperty("availableToDay", out _).ShouldBeTrue();
        desk.Dispose();
    }

    [Fact]
    public async Task A_loan_puts_its_pick_up_and_return_days_in_the_personal_calendar_feed_until_it_is_cancelled()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(2);
        var loan = (await BorrowAsync(resident, tents, 2, pickup, pickup.AddDays(2)).ExpectAsync(HttpStatusCode.Created)).Id();
        var token = (await resident.PostAsync("/api/v1/me/calendar-link", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("token").GetString();
        using var calendarApp = _app.NewClient();

        var events = Calendar.Load(await calendarApp.GetStringAsync($"/calendar/{token}.ics"))!.Events.OrderBy(e => e.DtStart).ToList();

        events.Select(e => e.Uid).ShouldBe([$"loan-Pickup-{loan}@sharingplatform", $"loan-Return-{loan}@sharingplatform"]);
        events.Select(e => e.Summary).ShouldBe(["대여 수령: 캠핑 텐트 2개", "대여 반납: 캠핑 텐트 2개"]);
        events.Select(e => e.DtStart!.Date).ShouldBe([pickup, pickup.AddDays(2)]);
        events.ShouldAllBe(e => !e.DtStart!.HasTime);

        await resident.PostAsJsonAsync($"/api/v1/loans/{loan}/cancel", new { reason = (string?)null }).ExpectAsync(HttpStatusCode.OK);
        Calendar.Load(await calendarApp.GetStringAsync($"/calendar/{token}.ics"))!.Events.ShouldBeEmpty();
        desk.Dispose();
    }

    [Fact]
    public async Task Lending_counts_in_the_statistics_and_the_CSV_and_the_open_data_feed_gives_the_units()
    {
        var (desk, tents) = await _app.TentsAsync();
        using var resident = await _app.SignedInResidentAsync();
        using var admin = await _app.AdministratorAsync();
        var today = _app.SeoulToday();
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var municipality = (await resident.GetAsync($"/api/v1/resources/{tents}").ExpectAsync(HttpStatusCode.OK)).GetProperty("municipality").GetString();
        async Task<(int Loans, int Units, int UnitDays)> GoodsAsync()
        {
            var statistics = await admin.GetAsync($"/api/v1/admin/statistics?from={month}&to={month}&municipality={municipality}").ExpectAsync(HttpStatusCode.OK);
            var row = statistics.GetProperty("loans").EnumerateArray().SingleOrDefault(r => r.GetProperty("category").GetString() == "goods");
            return row.ValueKind == System.Text.Json.JsonValueKind.Undefined ? (0, 0, 0)
                : (row.GetProperty("loans").GetInt32(), row.GetProperty("unitsLent").GetInt32(), row.GetProperty("unitDaysLent").GetInt32());
        }
        var before = await GoodsAsync();
        var loan = (await BorrowAsync(resident, tents, 2, today, today.AddDays(2)).ExpectAsync(HttpStatusCode.Created)).Id();
        (await GoodsAsync()).ShouldBe(before, "a loan counts once it goes out");

        await desk.Owner.PostAsJsonAsync($"/api/v1/loans/{loan}/hand-over", new { depositReceived = true }).ExpectAsync(HttpStatusCode.OK);

        (await GoodsAsync()).ShouldBe((before.Loans + 1, before.Units + 2, before.UnitDays + 6));
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/admin/statistics?from={month}&to={month}&municipality={municipality}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = (await (await admin.SendAsync(csvRequest)).Content.ReadAsStringAsync()).ReplaceLineEndings("\n").Split('\n');
        csv[0].ShouldContain("loans,unitsLent,unitDaysLent,overdueLoans,overdueRate,lostUnits", Case.Sensitive);
        csv.ShouldContain(line => line.StartsWith($"loans,{municipality},", StringComparison.Ordinal) && line.Contains($",{month},goods,"));

        JsonElement? listed = null;
        for (var page = 1; listed is null; page++)
        {
            var feed = await _app.NewClient().GetAsync($"/api/v1/open-data/resources?page={page}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
            var items = feed.GetProperty("items").EnumerateArray().ToList();
            items.ShouldNotBeEmpty();
            listed = items.Cast<JsonElement?>().FirstOrDefault(r => r!.Value.Id() == tents);
        }

        listed.Value.GetProperty("units").GetInt32().ShouldBe(3);
        listed.Value.GetProperty("bookingMethod").GetString().ShouldBe("온라인 대여 신청 (일 단위, 즉시 확정)");
        desk.Dispose();
    }
}
