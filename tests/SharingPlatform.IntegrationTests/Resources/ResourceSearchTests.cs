using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Loans;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Resources;

/// <summary>
/// Residents search the published catalog. Every test run shares one database, so each test tags its resources with a
/// token of its own in the description and narrows by it; the Korean text test pages through every result instead.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ResourceSearchTests(SharedApp shared)
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private readonly AppFactory _app = shared.Factory;

    private sealed record Catalog(string Tag, Guid MeetingRoom, Guid Projector, Guid Hall, Guid Truck, Guid Draft, DateOnly ClosedSaturday, DateOnly OpenSaturday);

    /// <summary>
    /// A: 소회의실, space, Jeonju, 10 people, free, Mon–Sat 09–18. B: projector, equipment, Gunsan, no capacity, 5,000 원,
    /// Mon–Fri 09–18. C: hall, space, Jeonju, 40 people, 10,000 원, Saturdays 13–18 but closed on the first Saturday.
    /// D: truck, vehicle, Iksan, 3 people, 0 원, every day all day. E: a draft that matches everything.
    /// </summary>
    private async Task<Catalog> CatalogAsync()
    {
        using var organization = await _app.VerifiedOrganizationAsync("검색 시험 협동조합");
        var tag = $"t{Guid.NewGuid():N}";
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Seoul).DateTime);
        var closedSaturday = today.AddDays(7);
        while (closedSaturday.DayOfWeek != DayOfWeek.Saturday)
            closedSaturday = closedSaturday.AddDays(1);
        var openSaturday = closedSaturday.AddDays(7);

        JsonObject Body(string title, string category, string municipality, int? capacity, int? fee, JsonObject policy)
        {
            var body = CatalogClient.ResourceBody(organization.Id, title, municipality);
            body["category"] = category;
            body["description"] = $"검색 시험용 자원입니다. {tag}";
            body["capacity"] = capacity;
            body["feePerHour"] = fee;
            body["policy"] = policy;
            return body;
        }

        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" };
        var a = await _app.PublishedResourceAsync(organization, Body("소회의실 대여", "space", "jeonju", 10, null,
            CatalogClient.PolicyBody(weekdays.Append("saturday").Select(d => (d, "09:00", "18:00")).ToArray())));
        var b = await _app.PublishedResourceAsync(organization, Body("빔프로젝터", "equipment", "gunsan", null, 5000,
            CatalogClient.PolicyBody(weekdays.Select(d => (d, "09:00", "18:00")).ToArray())));
        var hallPolicy = CatalogClient.PolicyBody(("saturday", "13:00", "18:00"));
        hallPolicy["closedDates"] = new JsonArray(closedSaturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var c = await _app.PublishedResourceAsync(organization, Body("마을 강당", "space", "jeonju", 40, 10000, hallPolicy));
        var d = await _app.PublishedResourceAsync(organization, Body("마을 트럭", "vehicle", "iksan", 3, 0,
            CatalogClient.PolicyBody(weekdays.Concat(["saturday", "sunday"]).Select(day => (day, "00:00", "24:00")).ToArray())));
        var e = await organization.Owner.CreateResourceAsync(Body("소회의실 초안", "space", "jeonju", 50, null,
            CatalogClient.PolicyBody(weekdays.Concat(["saturday", "sunday"]).Select(day => (day, "00:00", "24:00")).ToArray())));
        return new Catalog(tag, a, b, c, d, e, closedSaturday, openSaturday);
    }

    private static string At(DateOnly date, int hour) =>
        Uri.EscapeDataString(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour % 24, 0)), Seoul).AddDays(hour / 24).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));

    private async Task<List<Guid>> SearchAsync(string query)
    {
        using var client = _app.NewClient();
        using var response = await client.GetAsync($"/api/v1/resources?{query}&pageSize=100");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{query}: {text}");
        var page = JsonDocument.Parse(text).RootElement;
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
        page.GetProperty("totalCount").GetInt32().ShouldBe(ids.Count, query);
        return ids;
    }

    [Fact]
    public async Task Each_filter_narrows_the_published_catalog()
    {
        var catalog = await CatalogAsync();
        var (a, b, c, d) = (catalog.MeetingRoom, catalog.Projector, catalog.Hall, catalog.Truck);
        var q = $"q={catalog.Tag}";

        (await SearchAsync(q)).ShouldBe([a, b, c, d], ignoreOrder: true);
        (await SearchAsync($"{q}&category=space")).ShouldBe([a, c], ignoreOrder: true);
        (await SearchAsync($"{q}&category=vehicle")).ShouldBe([d]);
        (await SearchAsync($"{q}&municipality=jeonju")).ShouldBe([a, c], ignoreOrder: true);
        (await SearchAsync($"{q}&municipality=iksan")).ShouldBe([d]);
        (await SearchAsync($"{q}&municipality=buan")).ShouldBeEmpty();
        (await SearchAsync($"{q}&minCapacity=20")).ShouldBe([c]);
        (await SearchAsync($"{q}&minCapacity=3")).ShouldBe([a, c, d], ignoreOrder: true);
        (await SearchAsync($"{q}&freeOnly=true")).ShouldBe([a, d], ignoreOrder: true);
        (await SearchAsync($"{q}&freeOnly=false")).ShouldBe([a, b, c, d], ignoreOrder: true);
        (await SearchAsync($"{q}&category=space&municipality=jeonju&freeOnly=true")).ShouldBe([a]);
    }

    [Fact]
    public async Task Free_during_a_period_follows_opening_hours_and_closed_dates_in_Seoul_time()
    {
        var catalog = await CatalogAsync();
        var (a, b, c, d) = (catalog.MeetingRoom, catalog.Projector, catalog.Hall, catalog.Truck);
        var q = $"q={catalog.Tag}";
        string Period(DateOnly date, int from, int to) => $"{q}&availableFrom={At(date, from)}&availableTo={At(date, to)}";

        // Saturday 14:00–17:00: the meeting room and the truck; the hall is closed that day, the projector only opens on weekdays.
        (await SearchAsync(Period(catalog.ClosedSaturday, 14, 17))).ShouldBe([a, d], ignoreOrder: true);
        // The next Saturday the hall is open too.
        (await SearchAsync(Period(catalog.OpenSaturday, 14, 17))).ShouldBe([a, c, d], ignoreOrder: true);
        // 12:00–14:00: the hall only opens at 13:00.
        (await SearchAsync(Period(catalog.OpenSaturday, 12, 14))).ShouldBe([a, d], ignoreOrder: true);
        // 17:00–19:00: the meeting room and the hall close at 18:00.
        (await SearchAsync(Period(catalog.OpenSaturday, 17, 19))).ShouldBe([d]);
        // Up to 18:00 sharp is still inside [09:00, 18:00).
        (await SearchAsync(Period(catalog.OpenSaturday, 16, 18))).ShouldBe([a, c, d], ignoreOrder: true);
        // Sunday: only the truck.
        (await SearchAsync(Period(catalog.OpenSaturday.AddDays(1), 10, 12))).ShouldBe([d]);
        // Monday 10:00–12:00: the projector opens on weekdays.
        (await SearchAsync(Period(catalog.OpenSaturday.AddDays(2), 10, 12))).ShouldBe([a, b, d], ignoreOrder: true);

        // The same Saturday afternoon written in UTC (05:00–08:00Z is 14:00–17:00 in Seoul).
        var fromUtc = new DateTimeOffset(catalog.OpenSaturday.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var toUtc = new DateTimeOffset(catalog.OpenSaturday.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        (await SearchAsync($"{q}&availableFrom={fromUtc}&availableTo={toUtc}")).ShouldBe([a, c, d], ignoreOrder: true);
        // Saturday 08:00–10:00 in Seoul is Friday 23:00 – Saturday 01:00 UTC: the meeting room opens at 09:00 Seoul, so only the truck.
        (await SearchAsync(Period(catalog.OpenSaturday, 8, 10))).ShouldBe([d]);
        (await SearchAsync(Period(catalog.OpenSaturday, 9, 10))).ShouldBe([a, d], ignoreOrder: true);

        // Overnight, Saturday 20:00 to Sunday 10:00: only what is open around the clock.
        (await SearchAsync(Period(catalog.OpenSaturday, 20, 24 + 10))).ShouldBe([d]);
        // Friday to Saturday across midnight: nothing else is open at midnight either.
        (await SearchAsync(Period(catalog.OpenSaturday.AddDays(-1), 17, 24 + 10))).ShouldBe([d]);

        // Combined with the other filters.
        (await SearchAsync($"{Period(catalog.OpenSaturday, 14, 17)}&category=space&minCapacity=20")).ShouldBe([c]);
    }

    [Fact]
    public async Task Korean_text_search_finds_a_word_inside_a_title_and_only_published_matches()
    {
        var catalog = await CatalogAsync();

        var found = await SearchAllAsync("회의실");

        found.ShouldContain(catalog.MeetingRoom);
        found.ShouldNotContain(catalog.Projector);
        found.ShouldNotContain(catalog.Hall);
        found.ShouldNotContain(catalog.Truck);
        found.ShouldNotContain(catalog.Draft);
        (await SearchAllAsync("소회의실 대여")).ShouldContain(catalog.MeetingRoom);
        (await SearchAllAsync("강당")).ShouldContain(catalog.Hall);
    }

    [Fact]
    public async Task Text_search_treats_percent_and_underscore_as_plain_characters()
    {
        var catalog = await CatalogAsync();

        (await SearchAsync($"q={Uri.EscapeDataString(catalog.Tag[..8] + "%" + catalog.Tag[9..])}")).ShouldBeEmpty();
        (await SearchAsync($"q={Uri.EscapeDataString(catalog.Tag[..8] + "_" + catalog.Tag[9..])}")).ShouldBeEmpty();
    }

    /// <summary>Every asker reads a refusal in their own language, however many ask at once of the one validator.</summary>
    [Fact]
    public async Task A_refused_search_says_why_in_the_askers_language_while_others_ask_in_another()
    {
        async Task<string> RefusalAsync(string language)
        {
            using var client = _app.NewClient();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            using var response = await client.GetAsync("/api/v1/resources?municipality=atlantis");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return (await response.ProblemAsync()).GetProperty("errors").GetProperty("municipality")[0].GetString()!;
        }

        var languages = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "ko" : "en").ToList();
        var answers = await Task.WhenAll(languages.Select(RefusalAsync));

        for (var i = 0; i < languages.Count; i++)
            answers[i].ShouldBe(languages[i] == "ko" ? "전북의 14개 시군 중 하나를 고르세요." : "Choose one of Jeonbuk's 14 municipalities.");
    }

    [Fact]
    public async Task Results_page_and_sort_newest_first()
    {
        var catalog = await CatalogAsync();
        using var client = _app.NewClient();

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={catalog.Tag}&sort=newest&page=1&pageSize=3");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={catalog.Tag}&sort=newest&page=2&pageSize=3");

        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(3);
        first.GetProperty("totalCount").GetInt32().ShouldBe(4);
        second.GetProperty("totalCount").GetInt32().ShouldBe(4);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.Id()).ToList();
        ids.ShouldBe([catalog.Truck, catalog.Hall, catalog.Projector, catalog.MeetingRoom]);

        var pastTheEnd = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={catalog.Tag}&sort=newest&page=3&pageSize=3");
        pastTheEnd.GetProperty("items").GetArrayLength().ShouldBe(0);
        pastTheEnd.GetProperty("totalCount").GetInt32().ShouldBe(4, "a page past the last match still says how many there are");
    }

    [Fact]
    public async Task By_relevance_a_match_in_the_title_comes_before_a_newer_match_in_the_description()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var tag = $"t{Guid.NewGuid():N}";
        var inTitle = CatalogClient.ResourceBody(organization.Id, $"전시장 {tag}");
        inTitle["description"] = "넓은 전시장입니다.";
        var titled = await _app.PublishedResourceAsync(organization, inTitle);
        var inDescription = CatalogClient.ResourceBody(organization.Id, "작은 방");
        inDescription["description"] = $"작은 방입니다. {tag}";
        var described = await _app.PublishedResourceAsync(organization, inDescription);

        (await SearchAsync($"q={tag}")).ShouldBe([titled, described]);
        (await SearchAsync($"q={tag}&sort=relevance")).ShouldBe([titled, described]);
        (await SearchAsync($"q={tag}&sort=newest")).ShouldBe([described, titled]);
    }

    [Fact]
    public async Task Text_search_ignores_case_in_the_title_and_the_description()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var tag = $"t{Guid.NewGuid():N}";
        var titled = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, $"3D PRINTER {tag.ToUpperInvariant()}"));
        var inDescription = CatalogClient.ResourceBody(organization.Id, "작은 방");
        inDescription["description"] = $"Café room {tag}";
        var described = await _app.PublishedResourceAsync(organization, inDescription);

        (await SearchAsync($"q={tag}")).ShouldBe([titled, described]);
        (await SearchAsync($"q={tag.ToUpperInvariant()}")).ShouldBe([titled, described]);
        (await SearchAsync($"q={Uri.EscapeDataString("CAFÉ ROOM " + tag.ToUpperInvariant())}")).ShouldBe([described]);
        (await SearchAsync($"q={Uri.EscapeDataString("3d printer " + tag)}")).ShouldBe([titled]);
    }

    [Theory]
    [InlineData("municipality=seoul", "municipality")]
    [InlineData("category=spaceship", "category")]
    [InlineData("sort=oldest", "sort")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("minCapacity=0", "minCapacity")]
    [InlineData("availableTo=2026-12-05T17:00:00Z", "availableFrom")]
    [InlineData("availableFrom=2026-12-05T17:00:00Z&availableTo=2026-12-05T14:00:00Z", "availableTo")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        using var client = _app.NewClient();
        using var response = await client.GetAsync($"/api/v1/resources?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
        (await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(query);
    }

    [Fact]
    public async Task Results_say_whether_a_booking_is_confirmed_at_once_needs_a_check_in_or_is_a_loan_by_the_day()
    {
        var word = $"카드{Guid.NewGuid():N}"[..10];
        using var organization = await _app.VerifiedOrganizationAsync();
        var room = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, requiresCheckIn: true, title: $"{word} 회의실"));
        var askingBody = BookingClient.AroundTheClock(organization.Id, title: $"{word} 강당");
        askingBody["policy"]!["approvalMode"] = "manual";
        var hall = await _app.PublishedResourceAsync(organization, askingBody);
        var (desk, tents) = await _app.TentsAsync(title: $"{word} 텐트");
        using var _ = desk;
        using var client = _app.NewClient();

        var items = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString(word)}")).GetProperty("items")
            .EnumerateArray().ToDictionary(i => i.Id(), i => (
                AtOnce: i.GetProperty("confirmedAtOnce").GetBoolean(), CheckIn: i.GetProperty("requiresCheckIn").GetBoolean(), ByTheDay: i.GetProperty("lentByTheDay").GetBoolean()));
        items[room].ShouldBe((true, true, false));
        items[hall].ShouldBe((false, false, false));
        items[tents].ShouldBe((true, false, true));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Resources?q={Uri.EscapeDataString(word)}"));
        string Card(Guid id)
        {
            var card = page[page.IndexOf($"/Resources/Details/{id}", StringComparison.Ordinal)..];
            return card[..card.IndexOf("</li>", StringComparison.Ordinal)];
        }
        Card(room).ShouldContain("바로 확정");
        Card(room).ShouldContain("체크인 필요");
        Card(hall).ShouldContain("승인 후 확정");
        Card(hall).ShouldNotContain("체크인 필요");
        Card(tents).ShouldContain("하루 단위 대여");
    }

    [Fact]
    public async Task Results_say_when_each_room_is_next_free_and_a_booking_moves_it_on()
    {
        var word = $"빈시간{Guid.NewGuid():N}"[..11];
        using var organization = await _app.VerifiedOrganizationAsync();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Seoul).DateTime);
        var day = today.AddDays(2);
        var body = CatalogClient.ResourceBody(organization.Id, $"{word} 회의실");
        body["policy"] = CatalogClient.PolicyBody((day.DayOfWeek.ToString().ToLowerInvariant(), "09:00", "18:00"));
        var room = await _app.PublishedResourceAsync(organization, body);
        var (desk, tents) = await _app.TentsAsync(title: $"{word} 텐트");
        using var _ = desk;
        using var anonymous = _app.NewClient();
        using var booker = await _app.SignedInResidentAsync();
        DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), Seoul);

        async Task<Dictionary<Guid, DateTimeOffset?>> NextFreeAsync() =>
            (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString(word)}")).GetProperty("items")
            .EnumerateArray().ToDictionary(i => i.Id(), i => i.GetProperty("nextFreeAt").ValueKind == JsonValueKind.Null
                ? (DateTimeOffset?)null : i.GetProperty("nextFreeAt").GetDateTimeOffset());

        var before = await NextFreeAsync();
        before[room].ShouldBe(At(day, 9));
        before[tents].ShouldBeNull();

        await booker.BookedAsync(room, At(day, 9), At(day, 13));
        (await NextFreeAsync())[room].ShouldBe(At(day, 13));

        await booker.BookedAsync(room, At(day, 13), At(day, 17));
        await booker.BookedAsync(room, At(day, 17), At(day, 18));
        (await NextFreeAsync())[room].ShouldBe(At(day.AddDays(7), 9));

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Resources?q={Uri.EscapeDataString(word)}"));
        var card = page[page.IndexOf($"/Resources/Details/{room}", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</li>", StringComparison.Ordinal)];
        card.ShouldContain("다음 빈 시간");
        card.ShouldContain($"resource-next-free\">{day.AddDays(7):yyyy-MM-dd} 09:00<");
    }

    /// <summary>
    /// Past 1,000 matches the search stops counting: it says 1,000 and that there are more, and every page past the
    /// thousandth match is still there. 1,001 copies of one published resource are written straight to the table (and
    /// removed after), as a catalog that size would take minutes to build through the API.
    /// </summary>
    [Fact]
    public async Task A_search_with_more_than_a_thousand_matches_counts_to_a_thousand_and_says_there_are_more()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var tag = $"t{Guid.NewGuid():N}";
        var body = CatalogClient.ResourceBody(organization.Id, "복사된 공유창고 0");
        body["description"] = $"개수 상한 시험용 자원입니다. {tag}";
        var original = await _app.PublishedResourceAsync(organization, body);
        await _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO resources (id, organization_id, capacity, fee_per_hour, policy, created_at, updated_at, lending, category,
                                   title, description, municipality, address, status, status_reason, fee_note)
            SELECT gen_random_uuid(), organization_id, capacity, fee_per_hour, policy, created_at - make_interval(secs => n), updated_at,
                   lending, category, '복사된 공유창고 ' || n, description, municipality, address, status, status_reason, fee_note
            FROM resources, generate_series(1, 1000) AS n
            WHERE id = {original}
            """));
        try
        {
            using var client = _app.NewClient();
            var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}&pageSize=20");
            first.GetProperty("totalCount").GetInt32().ShouldBe(1000);
            first.GetProperty("totalCountCapped").GetBoolean().ShouldBeTrue();
            first.GetProperty("items").GetArrayLength().ShouldBe(20);
            first.GetProperty("items")[0].Id().ShouldBe(original);

            var last = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={tag}&sort=newest&page=51&pageSize=20");
            last.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["복사된 공유창고 1000"]);

            var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString("복사된 공유창고 1000")}");
            one.GetProperty("totalCount").GetInt32().ShouldBe(1);
            one.GetProperty("totalCountCapped").GetBoolean().ShouldBeFalse();

            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Resources?q={tag}&pageNumber=50"));
            page.ShouldContain("공유자원 1,000건 이상");
            page.ShouldContain("pageNumber=51", Case.Insensitive, "a full page past the count links to the next one");
        }
        finally
        {
            await _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM resources WHERE organization_id = {organization.Id} AND id <> {original}"));
        }
    }

    private async Task<List<Guid>> SearchAllAsync(string text)
    {
        using var client = _app.NewClient();
        var ids = new List<Guid>();
        for (var page = 1; page <= 50; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString(text)}&page={page}&pageSize=100");
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
            ids.AddRange(items);
            if ((ids.Count >= body.GetProperty("totalCount").GetInt32() && !body.GetProperty("totalCountCapped").GetBoolean()) || items.Count == 0)
                break;
        }

        return ids;
    }
}
