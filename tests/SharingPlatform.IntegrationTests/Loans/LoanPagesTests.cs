using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Loans;

/// <summary>The lending pages as a browser uses them: the resource form keeps a loan resource's lending, the details page shows its terms.</summary>
[Collection(AppCollection.Name)]
public sealed class LoanPagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static JsonObject TablesBody(Guid organizationId, string title)
    {
        var body = BookingClient.AroundTheClock(organizationId, title: title);
        body["category"] = "goods";
        body["lending"] = new JsonObject
        {
            ["units"] = 3,
            ["unitLabels"] = new JsonArray("탁자-01", "탁자-02", "탁자-03"),
            ["maxLoanDays"] = 4,
            ["maxUnitsPerPerson"] = 2,
            ["minNoticeDays"] = 1,
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
}
