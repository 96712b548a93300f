using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Loans;

/// <summary>The lending pages as a browser uses them: the resource form keeps a loan resource's lending, the details page shows its terms.</summary>
[Collection(AppCollection.Name)]
public sealed class LoanPagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static JsonObject TablesBody(Guid organizationId, string title, int minNoticeDays = 1)
    {
        var body = BookingClient.AroundTheClock(organizationId, title: title);
        body["category"] = "goods";
        body["lending"] = new JsonObject
        {
            ["units"] = 3,
            ["unitLabels"] = new JsonArray("탁자-01", "탁자-02", "탁자-03"),
            ["maxLoanDays"] = 4,
            ["maxUnitsPerPerson"] = 2,
            ["minNoticeDays"] = minNoticeDays,
            ["horizonDays"] = 45,
            ["depositWon"] = 15000,
            ["approvalMode"] = "manual",
        };
        return body;
    }

    [Fact]
    public async Task Editing_a_loan_resource_through_the_page_keeps_its_lending_settings()
    {
        using var organization = await _app.VerifiedOrganizationAsync("완주 마을회관");
        var id = await organization.Owner.CreateResourceAsync(TablesBody(organization.Id, "접이식 탁자"));
        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(organization.OwnerEmail, ApiClient.Password);

        var page = await owner.GetStringAsync($"/Resources/Edit?id={id}");
        var fields = PageForms.FieldsOf(page, "Input.Title");
        fields["Input.SharingMode"].ShouldBe("Loans");
        fields["Input.Units"].ShouldBe("3");
        fields["Input.Title"] = "접이식 탁자 (대)";
        var saved = await owner.PostFormAsync($"/Resources/Edit?id={id}", fields);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        var resource = await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK);
        resource.GetProperty("title").GetString().ShouldBe("접이식 탁자 (대)");
        resource.GetProperty("sharingMode").GetString().ShouldBe("loans");
        var lending = resource.GetProperty("lending");
        lending.GetProperty("units").GetInt32().ShouldBe(3);
        lending.GetProperty("unitLabels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["탁자-01", "탁자-02", "탁자-03"]);
        lending.GetProperty("maxLoanDays").GetInt32().ShouldBe(4);
        lending.GetProperty("maxUnitsPerPerson").GetInt32().ShouldBe(2);
        lending.GetProperty("minNoticeDays").GetInt32().ShouldBe(1);
        lending.GetProperty("horizonDays").GetInt32().ShouldBe(45);
        lending.GetProperty("depositWon").GetInt32().ShouldBe(15000);
        lending.GetProperty("approvalMode").GetString().ShouldBe("manual");

        var details = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Resources/Details/{id}"));
        details.ShouldContain("대여 조건");
        details.ShouldContain("15,000원");
        details.ShouldContain("한 번에 최대 4일까지");
    }

    [Fact]
    public async Task A_member_turns_a_slot_resource_into_a_loan_resource_from_the_form_and_a_wrong_setting_is_named_at_its_field()
    {
        using var organization = await _app.VerifiedOrganizationAsync("전주 공구도서관");
        var id = await organization.Owner.CreateResourceAsync(BookingClient.AroundTheClock(organization.Id, title: "전동 드릴"));
        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var fields = PageForms.FieldsOf(await owner.GetStringAsync($"/Resources/Edit?id={id}"), "Input.Title");
        fields["Input.SharingMode"].ShouldBe("Slots");
        fields["Input.SharingMode"] = "Loans";
        fields["Input.Units"] = "2";
        fields["Input.MaxUnitsPerPerson"] = "5";

        var refused = await owner.PostFormAsync($"/Resources/Edit?id={id}", fields);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        text.ShouldContain("한 사람이 빌릴 수 있는 수량은 1개부터 2개까지입니다.");
        (await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("sharingMode").GetString().ShouldBe("slots");

        fields["Input.MaxUnitsPerPerson"] = "1";
        fields["Input.UnitLabels"] = "드릴-A\n드릴-B";
        (await owner.PostFormAsync($"/Resources/Edit?id={id}", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lending = (await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("lending");
        lending.GetProperty("units").GetInt32().ShouldBe(2);
        lending.GetProperty("unitLabels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["드릴-A", "드릴-B"]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_resident_borrows_two_tables_from_the_page_and_the_desk_approves_hands_over_and_takes_them_back_in_two_parts()
    {
        var title = $"접이식 탁자 {CatalogClient.NewHangulWord()}";
        using var organization = await _app.VerifiedOrganizationAsync("완주 마을회관");
        var tables = await _app.PublishedResourceAsync(organization, TablesBody(organization.Id, title, minNoticeDays: 0));
        var email = ApiClient.NewEmail("borrower");
        (await _app.SignedInResidentAsync(email, "김대여")).Dispose();
        using var resident = _app.NewClient(followRedirects: false);
        await resident.SignInAsync(email, ApiClient.Password);
        using var desk = _app.NewClient(followRedirects: false);
        await desk.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var today = _app.SeoulToday();

        var tooLong = await resident.PostFormAsync($"/Resources/Details/{tables}?handler=Loan", new Dictionary<string, string>
        {
            ["LoanUnits"] = "2", ["PickupOn"] = Day(today), ["ReturnOn"] = Day(today.AddDays(9)),
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TextAsync(tooLong)).ShouldContain("한 번에 최대 4일까지 빌릴 수 있습니다.");

        var asked = await resident.PostFormAsync($"/Resources/Details/{tables}?handler=Loan", new Dictionary<string, string>
        {
            ["LoanUnits"] = "2", ["PickupOn"] = Day(today), ["ReturnOn"] = Day(today.AddDays(1)), ["Purpose"] = "마을 잔치",
        });
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextAsync(asked));
        var loanPage = asked.Headers.Location!.OriginalString;
        var loanId = Guid.Parse(loanPage.Split('/').Last());
        (await TextAsync(await resident.GetAsync(loanPage))).ShouldContain("대여를 신청했습니다.");
        var mine = WebUtility.HtmlDecode(await resident.GetStringAsync("/Loans/Mine"));
        mine.ShouldContain(title);
        mine.ShouldContain("30,000원");
        mine.ShouldContain("승인 대기");
        var calendar = WebUtility.HtmlDecode(await resident.GetStringAsync($"/Resources/Details/{tables}"));
        calendar.ShouldContain("1개 남음");

        WebUtility.HtmlDecode(await desk.GetStringAsync($"/Loans/Desk?resourceId={tables}")).ShouldContain("김대여");
        (await desk.PostFormAsync($"/Loans/Details/{loanId}?handler=Approve", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var handedOver = await desk.PostFormAsync($"/Loans/Details/{loanId}?handler=HandOver", new Dictionary<string, string>
        {
            ["HandOver.UnitLabels[0]"] = "탁자-01", ["HandOver.UnitLabels[1]"] = "탁자-03", ["HandOver.ConditionNote"] = "깨끗함", ["HandOver.DepositReceived"] = "true",
        });
        handedOver.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextAsync(handedOver));
        var part = await desk.PostFormAsync($"/Loans/Details/{loanId}?handler=TakeBack", new Dictionary<string, string>
        {
            ["TakeBack.Units"] = "1", ["TakeBack.DepositReturned"] = "true",
        });
        part.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextAsync(part));
        var keptWithoutReason = await desk.PostFormAsync($"/Loans/Details/{loanId}?handler=TakeBack", new Dictionary<string, string>
        {
            ["TakeBack.Units"] = "1", ["TakeBack.Damaged"] = "true", ["TakeBack.DepositReturned"] = "false",
        });
        keptWithoutReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rest = await desk.PostFormAsync($"/Loans/Details/{loanId}?handler=TakeBack", new Dictionary<string, string>
        {
            ["TakeBack.Units"] = "1", ["TakeBack.Damaged"] = "true", ["TakeBack.DepositReturned"] = "false", ["TakeBack.Reason"] = "다리 하나 부러짐",
        });
        rest.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextAsync(rest));

        var loan = await organization.Owner.GetAsync($"/api/v1/loans/{loanId}").ExpectAsync(HttpStatusCode.OK);
        loan.GetProperty("status").GetString().ShouldBe("returned");
        loan.GetProperty("unitsReturned").GetInt32().ShouldBe(2);
        loan.GetProperty("unitLabels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["탁자-01", "탁자-03"]);
        var shown = WebUtility.HtmlDecode(await resident.GetStringAsync($"/Loans/Details/{loanId}"));
        shown.ShouldContain("반납 완료");
        shown.ShouldContain("보증금을 돌려 드리지 않았습니다.");
        shown.ShouldNotContain("대여 취소");
    }

    [Fact]
    public async Task A_resident_cancels_a_loan_from_its_page_before_pick_up_and_the_units_are_free_again()
    {
        using var organization = await _app.VerifiedOrganizationAsync("완주 마을회관");
        var tables = await _app.PublishedResourceAsync(organization, TablesBody(organization.Id, "행사용 탁자"));
        var email = ApiClient.NewEmail("borrower");
        (await _app.SignedInResidentAsync(email)).Dispose();
        using var resident = _app.NewClient(followRedirects: false);
        await resident.SignInAsync(email, ApiClient.Password);
        var pickup = _app.SeoulToday().AddDays(3);
        var asked = await resident.PostFormAsync($"/Resources/Details/{tables}?handler=Loan", new Dictionary<string, string>
        {
            ["LoanUnits"] = "2", ["PickupOn"] = Day(pickup), ["ReturnOn"] = Day(pickup),
        });
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextAsync(asked));
        var loanPage = asked.Headers.Location!.OriginalString;

        var cancelled = await resident.PostFormAsync($"{loanPage}?handler=Cancel", new Dictionary<string, string> { ["CancelReason"] = "" });

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextAsync(cancelled));
        (await TextAsync(await resident.GetAsync(loanPage))).ShouldContain("취소됨");
        var left = await resident.GetAsync($"/api/v1/resources/{tables}/loan-availability?from={Day(pickup)}&to={Day(pickup)}").ExpectAsync(HttpStatusCode.OK);
        left.GetProperty("days")[0].GetProperty("unitsLeft").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task The_loan_form_names_the_short_days_and_says_its_refusals_in_days_in_the_pages_language()
    {
        using var organization = await _app.VerifiedOrganizationAsync("완주 마을회관");
        var tables = await _app.PublishedResourceAsync(organization, TablesBody(organization.Id, "잔치용 탁자"));
        var pickup = _app.SeoulToday().AddDays(5);
        using (var first = await _app.SignedInResidentAsync())
        {
            (await first.PostAsJsonAsync("/api/v1/loans", new { resourceId = tables, units = 2, pickupOn = Day(pickup.AddDays(1)), returnOn = Day(pickup.AddDays(1)) }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var email = ApiClient.NewEmail("borrower");
        (await _app.SignedInResidentAsync(email)).Dispose();
        using var resident = _app.NewClient(followRedirects: false);
        await resident.SignInAsync(email, ApiClient.Password);
        var shortDay = await resident.PostFormAsync($"/Resources/Details/{tables}?handler=Loan", new Dictionary<string, string>
        {
            ["LoanUnits"] = "2", ["PickupOn"] = Day(pickup), ["ReturnOn"] = Day(pickup.AddDays(2)),
        });
        shortDay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TextAsync(shortDay)).ShouldContain($"남은 수량이 모자란 날이 있습니다: {Day(pickup.AddDays(1))}.");

        var tooLong = await resident.PostFormAsync($"/Resources/Details/{tables}?handler=Loan&culture=en", new Dictionary<string, string>
        {
            ["LoanUnits"] = "1", ["PickupOn"] = Day(pickup), ["ReturnOn"] = Day(pickup.AddDays(7)),
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await TextAsync(tooLong);
        text.ShouldContain("A loan lasts at most 4 days.");
        text.ShouldNotContain("minutes");
        WebUtility.HtmlDecode(await resident.GetStringAsync("/Loans/Mine?culture=en")).ShouldContain("You have no loans yet.");
    }

    [Fact]
    public async Task The_desk_takes_a_labelled_table_out_of_service_from_its_page_sees_the_loan_left_short_and_puts_the_table_back()
    {
        var (desk, _) = await _app.TentsAsync();
        var tables = await _app.PublishedResourceAsync(desk, TablesBody(desk.Id, "접이식 탁자", minNoticeDays: 0));
        using var resident = await _app.SignedInResidentAsync();
        var pickup = _app.SeoulToday().AddDays(2);
        var loan = (await LoanClient.BorrowAsync(resident, tables, 2, pickup, pickup).ExpectAsync(HttpStatusCode.Created)).Id();
        await desk.Owner.PostAsync($"/api/v1/loans/{loan}/approve", null).ExpectAsync(HttpStatusCode.OK);
        using var neighbour = await _app.SignedInResidentAsync();
        await LoanClient.BorrowAsync(neighbour, tables, 1, pickup, pickup).ExpectAsync(HttpStatusCode.Created);
        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(desk.OwnerEmail, ApiClient.Password);

        var deskPage = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Loans/Desk?resourceId={tables}"));
        deskPage.ShouldContain($"/Loans/Units/{tables}");
        var fields = PageForms.FieldsOf(await owner.GetStringAsync($"/Loans/Units/{tables}"), "Input.Reason");
        fields["Input.FirstDay"] = LoanClient.Day(pickup);
        fields["Input.LastDay"] = LoanClient.Day(pickup.AddDays(1));
        fields["Input.UnitLabel"] = "탁자-02";
        fields["Input.Reason"] = "다리 흔들림";
        var refused = await owner.PostFormAsync($"/Loans/Units/{tables}", new Dictionary<string, string>(fields) { ["Input.Units"] = "2" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("번호를 고르면 1개");

        var taken = await owner.PostFormAsync($"/Loans/Units/{tables}", fields);

        taken.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()));
        var page = WebUtility.HtmlDecode(await owner.GetStringAsync(taken.Headers.Location!.ToString()));
        page.ShouldContain("물품이 모자라는 대여가 있어 빌리는 분께 알렸습니다");
        page.ShouldContain("탁자-02 1개");
        page.ShouldContain("다리 흔들림");
        page.ShouldContain($"/Loans/Details/{loan}");
        (await LoanClient.UnitsLeftAsync(resident, tables, pickup, pickup.AddDays(1))).Values.ShouldBe([0, 2]);

        var outage = (await desk.Owner.GetAsync($"/api/v1/resources/{tables}/unit-outages").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("outages").EnumerateArray().Single().Id();
        var ended = await owner.PostFormAsync($"/Loans/Units/{tables}?handler=End&outageId={outage}", new Dictionary<string, string>());
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await owner.GetStringAsync(ended.Headers.Location!.ToString())).ShouldContain("물품을 다시 대여합니다");
        (await LoanClient.UnitsLeftAsync(resident, tables, pickup, pickup.AddDays(1))).Values.ShouldBe([0, 3]);
        desk.Dispose();
    }

    [Fact]
    public async Task The_day_calendar_pages_by_six_weeks_up_to_the_lending_horizon()
    {
        using var organization = await _app.VerifiedOrganizationAsync("완주 마을회관");
        var tables = await _app.PublishedResourceAsync(organization, TablesBody(organization.Id, "접이식 탁자"));
        using var visitor = _app.NewClient(followRedirects: false);
        var today = _app.SeoulToday();
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

        var first = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/Resources/Details/{tables}"));
        first.ShouldContain($"{LoanClient.Day(monday)} (");
        first.ShouldNotContain("이전 6주");
        var later = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\"[^>]*>다음 6주").Groups[1].Value;
        later.ShouldContain($"week={LoanClient.Day(monday.AddDays(42))}");

        var second = WebUtility.HtmlDecode(await visitor.GetStringAsync(later));
        second.ShouldContain($"{LoanClient.Day(monday.AddDays(42))} (");
        second.ShouldContain("이전 6주");
        second.ShouldNotContain("다음 6주"); // the horizon is 45 days
        var beyond = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/Resources/Details/{tables}?week={LoanClient.Day(monday.AddDays(700))}"));
        beyond.ShouldContain($"{LoanClient.Day(monday.AddDays(42))} (");
    }
}
