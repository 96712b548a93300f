using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Organizations;
using SharingPlatform.Domain.Resources;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Bookings;

/// <summary>"What is free in Imsil on Saturday 14:00–17:00": the one-query search against a brute-force check of every resource.</summary>
[Collection(AppCollection.Name)]
public sealed class FreePeriodSearchTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static string Query(DateTimeOffset from, DateTimeOffset to, string? municipality, int page) =>
        $"/api/v1/resources?availableFrom={Uri.EscapeDataString(from.ToString("O"))}&availableTo={Uri.EscapeDataString(to.ToString("O"))}"
        + (municipality is null ? "" : $"&municipality={municipality}") + $"&pageSize=100&page={page}";

    private static async Task<HashSet<Guid>> SearchAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to, string? municipality = null)
    {
        var found = new HashSet<Guid>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetFromJsonAsync<JsonElement>(Query(from, to, municipality, page));
            foreach (var item in result.GetProperty("items").EnumerateArray())
                found.Add(item.Id());
            if ((page * 100 >= result.GetProperty("totalCount").GetInt32() && !result.GetProperty("totalCountCapped").GetBoolean())
                || result.GetProperty("items").GetArrayLength() == 0)
                return found;
        }
    }

    /// <summary>Every published resource of a verified organization, checked one by one in memory.</summary>
    private static Task<HashSet<Guid>> BruteForceAsync(AppFactory app, DateTimeOffset from, DateTimeOffset to) => app.QueryAsync(async db =>
    {
        var resources = await db.Resources.AsNoTracking()
            .Where(r => r.Status == ResourceStatus.Published && db.Organizations.Any(o => o.Id == r.OrganizationId && o.Status == OrganizationStatus.Verified))
            .Select(r => new { r.Id, r.Policy })
            .ToListAsync();
        var holding = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
            .Select(b => new { b.ResourceId, b.StartsAt, b.BlockedUntil })
            .ToListAsync();
        return resources
            .Where(r => r.Policy.IsOpenDuring(from, to)
                && !holding.Any(b => b.ResourceId == r.Id && b.StartsAt < to.AddMinutes(r.Policy.BufferMinutes) && b.BlockedUntil > from))
            .Select(r => r.Id)
            .ToHashSet();
    });

    [Fact]
    public async Task Only_resources_open_for_the_whole_period_and_not_booked_in_it_are_found()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();
        var saturday = BookingClient.Next(DayOfWeek.Saturday, 0, daysAhead: 7);
        var (from, to) = (saturday.AddHours(14), saturday.AddHours(17));

        async Task<Guid> Publish(string title, Action<JsonObjectPolicy>? change = null)
        {
            var body = CatalogClient.ResourceBody(organization.Id, title, "imsil");
            body["policy"]!["approvalMode"] = "automatic";
            change?.Invoke(new JsonObjectPolicy(body["policy"]!.AsObject()));
            return await _app.PublishedResourceAsync(organization, body);
        }

        var free = await Publish("비어 있는 강당");
        var booked = await Publish("예약된 회의실");
        await booker.BookedAsync(booked, saturday.AddHours(15), saturday.AddHours(16));
        var bookedBefore = await Publish("앞 예약이 끝난 공방");
        await booker.BookedAsync(bookedBefore, saturday.AddHours(12), saturday.AddHours(14));
        var buffered = await Publish("정리 시간이 필요한 주방", p => p.Set("bufferMinutes", 60));
        await booker.BookedAsync(buffered, saturday.AddHours(12), saturday.AddHours(13).AddMinutes(30));
        var bufferedAfter = await Publish("뒤 예약 전 정리 시간", p => p.Set("bufferMinutes", 30));
        await booker.BookedAsync(bufferedAfter, saturday.AddHours(17), saturday.AddHours(18));
        var closesEarly = await Publish("일찍 닫는 공구 도서관", p => p.Hours(("saturday", "10:00", "16:00")));
        var weekdays = await Publish("평일만 여는 사무실", p => p.Hours(("monday", "09:00", "18:00"), ("friday", "09:00", "18:00")));
        var closedThatDay = await Publish("그날 휴관하는 교육장", p => p.Closed(DateOnly.FromDateTime(saturday.DateTime)));

        using var anonymous = _app.NewClient();
        var found = await SearchAsync(anonymous, from, to, "imsil");

        found.ShouldContain(free);
        found.ShouldContain(bookedBefore); // it ends at 14:00: half-open periods that touch do not overlap
        found.ShouldNotContain(booked);
        found.ShouldNotContain(buffered); // its buffer holds until 14:30
        found.ShouldNotContain(bufferedAfter); // a booking until 17:00 would hold its 30 minutes into the next one at 17:00
        found.ShouldNotContain(closesEarly);
        found.ShouldNotContain(weekdays);
        found.ShouldNotContain(closedThatDay);

        // Pages of one answer agree with each other and with the total, newest first.
        var window = $"availableFrom={Uri.EscapeDataString(from.ToString("O"))}&availableTo={Uri.EscapeDataString(to.ToString("O"))}&municipality=imsil";
        var firstTwo = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources?{window}&pageSize=2&page=1");
        var second = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources?{window}&pageSize=1&page=2");
        second.GetProperty("items")[0].Id().ShouldBe(firstTwo.GetProperty("items")[1].Id());
        second.GetProperty("totalCount").GetInt32().ShouldBe(found.Count);
        firstTwo.GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldBe([bookedBefore, free]);
    }

    [Fact]
    public async Task The_search_agrees_with_a_resource_by_resource_check_for_every_period()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        using var booker = await _app.SignedInResidentAsync();
        var open = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, title: "언제나 여는 공유창고"));
        var wednesday = BookingClient.Next(DayOfWeek.Wednesday, 0);
        await booker.BookedAsync(open, wednesday.AddHours(11), wednesday.AddHours(13));

        await AgreesWithBruteForceAsync(_app);
    }

    /// <summary>The same over the demo data (a Development host seeds it into a database of its own).</summary>
    [Fact]
    public async Task The_search_agrees_with_a_resource_by_resource_check_over_the_demo_data()
    {
        await using var demo = new AppFactory(new AppFactory.Settings("demo", RunJobServer: false, Environment: "Development"));
        await demo.StartAsync();
        (await demo.QueryAsync(db => db.Bookings.CountAsync())).ShouldBeGreaterThan(10);

        await AgreesWithBruteForceAsync(demo);
    }

    private static async Task AgreesWithBruteForceAsync(AppFactory app)
    {
        using var anonymous = app.NewClient();
        var saturday = BookingClient.Next(DayOfWeek.Saturday, 0, daysAhead: 7);
        var wednesday = BookingClient.Next(DayOfWeek.Wednesday, 0);
        var tuesday = BookingClient.Next(DayOfWeek.Tuesday, 0);
        (DateTimeOffset From, DateTimeOffset To)[] periods =
        [
            (saturday.AddHours(14), saturday.AddHours(17)),
            (tuesday.AddHours(9), tuesday.AddHours(13)),
            (saturday.AddHours(9), saturday.AddHours(10)),
            (wednesday.AddHours(10), wednesday.AddHours(12)),
            (wednesday.AddHours(20), wednesday.AddHours(22)),
            (wednesday.AddHours(22), wednesday.AddDays(1).AddHours(2)), // overnight
        ];

        var found = 0;
        foreach (var (from, to) in periods)
        {
            var expected = await BruteForceAsync(app, from, to);
            (await SearchAsync(anonymous, from, to)).OrderBy(id => id).ShouldBe(expected.OrderBy(id => id), $"{from:O} – {to:O}");
            found += expected.Count;
        }

        found.ShouldBeGreaterThan(0);
    }
}

/// <summary>Small edits of a policy body.</summary>
public sealed class JsonObjectPolicy(System.Text.Json.Nodes.JsonObject policy)
{
    public void Set(string name, int value) => policy[name] = value;

    public void Hours(params (string Day, string Opens, string Closes)[] hours) =>
        policy["openingHours"] = CatalogClient.PolicyBody(hours)["openingHours"]!.DeepClone();

    public void Closed(DateOnly date) => policy["closedDates"] = new System.Text.Json.Nodes.JsonArray(date.ToString("yyyy-MM-dd"));
}
