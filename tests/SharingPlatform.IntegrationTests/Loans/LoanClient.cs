using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharingPlatform.IntegrationTests.Administration;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Loans;

/// <summary>Lent goods and loans as the tests set them up and read them, through the API.</summary>
public static class LoanClient
{
    /// <summary>A verified organization lending tents, three by default, automatically confirmed, with a deposit.</summary>
    public static async Task<(VerifiedOrganization Desk, Guid ResourceId)> TentsAsync(this AppFactory app,
        int units = 3, int maxUnitsPerPerson = 2, int maxLoanDays = 3, string approvalMode = "automatic", string title = "캠핑 텐트")
    {
        var desk = await app.VerifiedOrganizationAsync("완주 마을 공구도서관");
        var body = BookingClient.AroundTheClock(desk.Id, title: title);
        body["category"] = "goods";
        body["lending"] = new JsonObject
        {
            ["units"] = units,
            ["maxLoanDays"] = maxLoanDays,
            ["maxUnitsPerPerson"] = maxUnitsPerPerson,
            ["minNoticeDays"] = 0,
            ["horizonDays"] = 30,
            ["depositWon"] = 10000,
            ["approvalMode"] = approvalMode,
        };
        return (desk, await app.PublishedResourceAsync(desk, body));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> BorrowAsync(HttpClient client, Guid resourceId, int units, DateOnly pickupOn, DateOnly returnOn) =>
        client.PostAsJsonAsync("/api/v1/loans", new { resourceId, units, pickupOn = Day(pickupOn), returnOn = Day(returnOn), purpose = "마을 행사" });

    public static async Task<Dictionary<DateOnly, int>> UnitsLeftAsync(HttpClient client, Guid resourceId, DateOnly from, DateOnly to)
    {
        var days = (await client.GetAsync($"/api/v1/resources/{resourceId}/loan-availability?from={Day(from)}&to={Day(to)}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("days").EnumerateArray();
        return days.ToDictionary(d => DateOnly.Parse(d.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), d => d.GetProperty("unitsLeft").GetInt32());
    }
}
