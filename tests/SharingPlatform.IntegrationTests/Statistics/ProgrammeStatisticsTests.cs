using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SharingPlatform.Tests.Support;
using static SharingPlatform.IntegrationTests.Statistics.StatisticsDataSet;

namespace SharingPlatform.IntegrationTests.Statistics;

/// <summary>
/// Every statistic equals a brute-force count over the data set (<see cref="StatisticsDataSet"/>): the tests loop over
/// the lists the data set wrote, month by Seoul month, and compare with the API's JSON, the CSV and the pages.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProgrammeStatisticsTests(StatisticsDataSet data) : IClassFixture<StatisticsDataSet>
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly string[] Held = ["Completed", "CheckedIn"];
    private static readonly string[] Sections = ["resources", "labs", "labEquipment", "circles", "loans", "proposals", "ratings"];

    private static string MonthOf(DateTimeOffset instant) => instant.ToOffset(Kst).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset EndOf(string month) =>
        new DateTimeOffset(DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture), Kst).AddMonths(1);

    private static IEnumerable<string> Months(string from, string to)
    {
        for (var m = DateTime.ParseExact(from, "yyyy-MM", CultureInfo.InvariantCulture); m <= DateTime.ParseExact(to, "yyyy-MM", CultureInfo.InvariantCulture); m = m.AddMonths(1))
            yield return m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static double Hours(long minutes) => Math.Round(minutes / 60.0, 2);

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static int OpenMinutes(StatisticsDataSet.Resource resource, string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var minutes = 0;
        for (var day = first; day < first.AddMonths(1); day = day.AddDays(1))
        {
            if (resource.Closed.Contains(day))
                continue;
            minutes += resource.Opening.Where(p => p.DayOfWeek == day.DayOfWeek)
                .Sum(p => (p.Closes == TimeOnly.MaxValue ? 1440 : p.Closes.Hour * 60 + p.Closes.Minute) - (p.Opens.Hour * 60 + p.Opens.Minute));
        }

        return minutes;
    }

    private async Task<JsonElement> StatisticsAsync(string query)
    {
        using var admin = await data.App.AdministratorAsync();
        return await admin.GetAsync($"/api/v1/admin/statistics?{query}").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("2025-01", "2025-04", null)]
    [InlineData("2025-02-10", "2025-03-31", "gunsan")]
    [InlineData("2025-01", "2025-02", "jeonju")]
    public async Task Every_statistic_equals_a_brute_force_count_of_the_data_set(string from, string to, string? municipality)
    {
        var json = await StatisticsAsync($"from={from}&to={to}" + (municipality is null ? "" : $"&municipality={municipality}"));
        var first = from[..7];
        var last = to[..7];
        var months = Months(first, last).ToList();
        json.GetProperty("from").GetString().ShouldBe(first);
        json.GetProperty("to").GetString().ShouldBe(last);
        bool Here(string m) => municipality is null || m == municipality;

        // Shared resources.
        var published = (from r in data.Resources
                         from month in months
                         where r.Status == "Published" && r.CreatedAt < EndOf(month) && Here(r.Municipality)
                         select (r, month)).ToList();
        var booked = data.Bookings
            .Where(b => b.Status is not ("Rejected" or "Cancelled") && months.Contains(MonthOf(b.StartsAt)) && Here(b.Resource.Municipality))
            .ToList();
        var keys = published.Select(p => (p.r.Municipality, Category: p.r.Category.ToString(), p.month))
            .Concat(booked.Select(b => (b.Resource.Municipality, Category: b.Resource.Category.ToString(), month: MonthOf(b.StartsAt))))
            .Distinct().ToList();
        var rows = json.GetProperty("resources").EnumerateArray().ToList();
        rows.Count.ShouldBe(keys.Count);
        foreach (var (m, category, month) in keys)
        {
            var row = rows.Single(r => r.GetProperty("municipality").GetString() == m && r.GetProperty("month").GetString() == month
                && string.Equals(r.GetProperty("category").GetString(), category, StringComparison.OrdinalIgnoreCase));
            var mine = published.Where(p => p.r.Municipality == m && p.r.Category.ToString() == category && p.month == month).ToList();
            var theirs = booked.Where(b => b.Resource.Municipality == m && b.Resource.Category.ToString() == category && MonthOf(b.StartsAt) == month).ToList();
            long bookedMinutes = theirs.Sum(b => b.Minutes);
            long openMinutes = mine.Sum(p => OpenMinutes(p.r, month));
            var context = $"{m} {category} {month}";
            row.GetProperty("publishedResources").GetInt32().ShouldBe(mine.Count, context);
            row.GetProperty("bookings").GetInt32().ShouldBe(theirs.Count, context);
            row.GetProperty("bookedHours").GetDouble().ShouldBe(Hours(bookedMinutes), context);
            row.GetProperty("openHours").GetDouble().ShouldBe(Hours(openMinutes), context);
            Nullable(row, "utilisation").ShouldBe(Rate(bookedMinutes, openMinutes), context);
            row.GetProperty("distinctUsers").GetInt32().ShouldBe(theirs.Select(b => b.BookerId).Distinct().Count(), context);
            row.GetProperty("noShows").GetInt32().ShouldBe(theirs.Count(b => b.Status == "NoShow"), context);
            Nullable(row, "noShowRate").ShouldBe(Rate(theirs.Count(b => b.Status == "NoShow"), theirs.Count(b => b.Status is "NoShow" or "Completed" or "CheckedIn")), context);
            row.GetProperty("municipalityName").GetString().ShouldNotBeNullOrEmpty();
        }

        // Labs, per municipality and month, and per piece of equipment.
        var sessions = data.LabSessions.Where(s => months.Contains(MonthOf(s.StartsAt)) && Here(s.Lab.Municipality)).ToList();
        var labKeys = sessions.Where(s => Held.Contains(s.Status) || s.Status == "NoShow").Select(s => (s.Lab.Municipality, Month: MonthOf(s.StartsAt))).Distinct().ToList();
        var labRows = json.GetProperty("labs").EnumerateArray().ToList();
        labRows.Count.ShouldBe(labKeys.Count);
        foreach (var (m, month) in labKeys)
        {
            var row = labRows.Single(r => r.GetProperty("municipality").GetString() == m && r.GetProperty("month").GetString() == month);
            var these = sessions.Where(s => s.Lab.Municipality == m && MonthOf(s.StartsAt) == month).ToList();
            var held = these.Where(s => Held.Contains(s.Status)).ToList();
            var noShows = these.Count(s => s.Status == "NoShow");
            row.GetProperty("category").GetString().ShouldBe("lab");
            row.GetProperty("sessions").GetInt32().ShouldBe(held.Count);
            row.GetProperty("sessionHours").GetDouble().ShouldBe(Hours(held.Sum(s => s.Minutes)));
            row.GetProperty("distinctUsers").GetInt32().ShouldBe(held.Select(s => s.BookerId).Distinct().Count());
            row.GetProperty("noShows").GetInt32().ShouldBe(noShows);
            Nullable(row, "noShowRate").ShouldBe(Rate(noShows, held.Count + noShows));
        }

        var uses = (from s in sessions where Held.Contains(s.Status)
                    from u in s.Uses where !u.Released
                    select (s, u)).ToList();
        var equipmentKeys = uses.Select(x => (x.u.Equipment.Id, Month: MonthOf(x.s.StartsAt))).Distinct().ToList();
        var equipmentRows = json.GetProperty("labEquipment").EnumerateArray().ToList();
        equipmentRows.Count.ShouldBe(equipmentKeys.Count);
        foreach (var (id, month) in equipmentKeys)
        {
            var row = equipmentRows.Single(r => r.GetProperty("equipmentId").GetGuid() == id && r.GetProperty("month").GetString() == month);
            var these = uses.Where(x => x.u.Equipment.Id == id && MonthOf(x.s.StartsAt) == month).ToList();
            row.GetProperty("equipmentName").GetString().ShouldBe(these[0].u.Equipment.Name);
            row.GetProperty("labName").GetString().ShouldBe(these[0].u.Equipment.Lab.Name);
            row.GetProperty("sessions").GetInt32().ShouldBe(these.Count);
            row.GetProperty("hours").GetDouble().ShouldBe(Hours(these.Sum(x => x.u.Minutes ?? x.s.Minutes)));
        }

        // Circles: meetings that ended in the month, not cancelled; attended / going answers.
        var ended = data.Meetings.Where(mt => mt.Status != "Cancelled" && months.Contains(MonthOf(mt.StartsAt.AddMinutes(mt.Minutes))) && Here(mt.Circle.Municipality)).ToList();
        var circleKeys = ended.Select(mt => (mt.Circle.Municipality, Month: MonthOf(mt.StartsAt.AddMinutes(mt.Minutes)))).Distinct().ToList();
        var circleRows = json.GetProperty("circles").EnumerateArray().ToList();
        circleRows.Count.ShouldBe(circleKeys.Count);
        foreach (var (m, month) in circleKeys)
        {
            var row = circleRows.Single(r => r.GetProperty("municipality").GetString() == m && r.GetProperty("month").GetString() == month);
            var these = ended.Where(mt => mt.Circle.Municipality == m && MonthOf(mt.StartsAt.AddMinutes(mt.Minutes)) == month).ToList();
            var going = these.SelectMany(mt => mt.Answers).Where(a => a.Status == "Going").ToList();
            row.GetProperty("meetingsHeld").GetInt32().ShouldBe(these.Count);
            row.GetProperty("goingAnswers").GetInt32().ShouldBe(going.Count);
            row.GetProperty("attended").GetInt32().ShouldBe(going.Count(a => a.Attended == true));
            Nullable(row, "attendanceRate").ShouldBe(Rate(going.Count(a => a.Attended == true), going.Count));
        }

        // Proposals: made in the month, suspended ones left out.
        var made = data.Proposals.Where(p => p.Standing == "Shown" && months.Contains(MonthOf(p.CreatedAt)) && Here(p.Municipality)).ToList();
        var proposalKeys = made.Select(p => (p.Municipality, p.Category, Month: MonthOf(p.CreatedAt))).Distinct().ToList();
        var proposalRows = json.GetProperty("proposals").EnumerateArray().ToList();
        proposalRows.Count.ShouldBe(proposalKeys.Count);
        foreach (var (m, category, month) in proposalKeys)
        {
            var row = proposalRows.Single(r => r.GetProperty("municipality").GetString() == m && r.GetProperty("month").GetString() == month
                && string.Equals(r.GetProperty("category").GetString(), category.ToString(), StringComparison.OrdinalIgnoreCase));
            var these = made.Where(p => p.Municipality == m && p.Category == category && MonthOf(p.CreatedAt) == month).ToList();
            row.GetProperty("proposals").GetInt32().ShouldBe(these.Count);
            row.GetProperty("takenUp").GetInt32().ShouldBe(these.Count(p => p.Status == "TakenUp"));
            row.GetProperty("accepted").GetInt32().ShouldBe(these.Count(p => p.Status == "Accepted"));
            row.GetProperty("declined").GetInt32().ShouldBe(these.Count(p => p.Status == "Declined"));
            row.GetProperty("supports").GetInt32().ShouldBe(these.Sum(p => p.Supports));
        }

        // Ratings: shown reviews written in the month, by their listing's municipality and category.
        var written = data.Reviews.Where(r => r.Standing == "Shown" && months.Contains(MonthOf(r.CreatedAt)) && Here(r.Municipality)).ToList();
        var ratingKeys = written.Select(r => (r.Municipality, r.Category, Month: MonthOf(r.CreatedAt))).Distinct().ToList();
        var ratingRows = json.GetProperty("ratings").EnumerateArray().ToList();
        ratingRows.Count.ShouldBe(ratingKeys.Count);
        foreach (var (m, category, month) in ratingKeys)
        {
            var row = ratingRows.Single(r => r.GetProperty("municipality").GetString() == m && r.GetProperty("month").GetString() == month
                && r.GetProperty("category").GetString() == category);
            var these = written.Where(r => r.Municipality == m && r.Category == category && MonthOf(r.CreatedAt) == month).ToList();
            row.GetProperty("reviews").GetInt32().ShouldBe(these.Count);
            Nullable(row, "averageRating").ShouldBe(Math.Round(these.Average(r => r.Rating), 2));
        }

        // Totals over the whole period.
        var totals = json.GetProperty("totals");
        long allBooked = booked.Sum(b => b.Minutes);
        long allOpen = published.Sum(p => OpenMinutes(p.r, p.month));
        var heldSessions = sessions.Where(s => Held.Contains(s.Status)).ToList();
        var labNoShows = sessions.Count(s => s.Status == "NoShow");
        var allGoing = ended.SelectMany(mt => mt.Answers).Where(a => a.Status == "Going").ToList();
        totals.GetProperty("publishedResources").GetInt32().ShouldBe(published.Count(p => p.month == last));
        totals.GetProperty("bookings").GetInt32().ShouldBe(booked.Count);
        totals.GetProperty("bookedHours").GetDouble().ShouldBe(Hours(allBooked));
        totals.GetProperty("openHours").GetDouble().ShouldBe(Hours(allOpen));
        Nullable(totals, "utilisation").ShouldBe(Rate(allBooked, allOpen));
        totals.GetProperty("distinctUsers").GetInt32().ShouldBe(booked.Select(b => b.BookerId).Distinct().Count());
        Nullable(totals, "noShowRate").ShouldBe(Rate(booked.Count(b => b.Status == "NoShow"), booked.Count(b => b.Status is "NoShow" or "Completed" or "CheckedIn")));
        totals.GetProperty("labSessions").GetInt32().ShouldBe(heldSessions.Count);
        totals.GetProperty("labSessionHours").GetDouble().ShouldBe(Hours(heldSessions.Sum(s => s.Minutes)));
        totals.GetProperty("labDistinctUsers").GetInt32().ShouldBe(heldSessions.Select(s => s.BookerId).Distinct().Count());
        Nullable(totals, "labNoShowRate").ShouldBe(Rate(labNoShows, heldSessions.Count + labNoShows));
        totals.GetProperty("labEquipmentHours").GetDouble().ShouldBe(Hours(uses.Sum(x => x.u.Minutes ?? x.s.Minutes)));
        totals.GetProperty("meetingsHeld").GetInt32().ShouldBe(ended.Count);
        totals.GetProperty("goingAnswers").GetInt32().ShouldBe(allGoing.Count);
        Nullable(totals, "attendanceRate").ShouldBe(Rate(allGoing.Count(a => a.Attended == true), allGoing.Count));
        totals.GetProperty("proposals").GetInt32().ShouldBe(made.Count);
        totals.GetProperty("proposalsTakenUp").GetInt32().ShouldBe(made.Count(p => p.Status == "TakenUp"));
        totals.GetProperty("reviews").GetInt32().ShouldBe(written.Count);
        Nullable(totals, "averageRating").ShouldBe(written.Count == 0 ? null : Math.Round(written.Average(r => r.Rating), 2));
    }

    private static double? Nullable(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDouble();

    [Fact]
    public async Task The_CSV_is_UTF8_with_a_BOM_parses_keeps_Hangul_and_has_the_JSON_figures()
    {
        var json = await StatisticsAsync("from=2025-01&to=2025-04");
        using var admin = await data.App.AdministratorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/statistics?from=2025-01&to=2025-04");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var byQuery = await admin.GetByteArrayAsync("/api/v1/admin/statistics?from=2025-01&to=2025-04&format=csv");
        byQuery.ShouldBe(bytes);

        var table = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = table[0];
        header[0].ShouldBe("section");
        var records = table.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        records.ShouldAllBe(r => r.Count == header.Count);
        records.Count.ShouldBe(Sections.Sum(s => json.GetProperty(s).GetArrayLength()));

        foreach (var row in json.GetProperty("resources").EnumerateArray())
        {
            var csv = records.Single(r => r["section"] == "resources" && r["municipality"] == row.GetProperty("municipality").GetString()
                && r["month"] == row.GetProperty("month").GetString() && r["category"] == row.GetProperty("category").GetString());
            csv["municipalityName"].ShouldBe(row.GetProperty("municipalityName").GetString());
            int.Parse(csv["bookings"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("bookings").GetInt32());
            int.Parse(csv["publishedResources"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("publishedResources").GetInt32());
            double.Parse(csv["hours"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("bookedHours").GetDouble());
            double.Parse(csv["openHours"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("openHours").GetDouble());
            ParseOrNull(csv["utilisation"]).ShouldBe(Nullable(row, "utilisation"));
            int.Parse(csv["distinctUsers"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("distinctUsers").GetInt32());
            ParseOrNull(csv["noShowRate"]).ShouldBe(Nullable(row, "noShowRate"));
        }

        foreach (var row in json.GetProperty("labEquipment").EnumerateArray())
        {
            var csv = records.Single(r => r["section"] == "labEquipment" && r["equipment"] == row.GetProperty("equipmentName").GetString()
                && r["month"] == row.GetProperty("month").GetString());
            csv["lab"].ShouldBe(row.GetProperty("labName").GetString());
            double.Parse(csv["hours"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("hours").GetDouble());
            int.Parse(csv["sessions"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("sessions").GetInt32());
        }

        foreach (var row in json.GetProperty("circles").EnumerateArray())
        {
            var csv = records.Single(r => r["section"] == "circles" && r["municipality"] == row.GetProperty("municipality").GetString()
                && r["month"] == row.GetProperty("month").GetString());
            int.Parse(csv["meetingsHeld"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("meetingsHeld").GetInt32());
            ParseOrNull(csv["attendanceRate"]).ShouldBe(Nullable(row, "attendanceRate"));
        }

        foreach (var row in json.GetProperty("proposals").EnumerateArray())
        {
            var csv = records.Single(r => r["section"] == "proposals" && r["municipality"] == row.GetProperty("municipality").GetString()
                && r["month"] == row.GetProperty("month").GetString() && r["category"] == row.GetProperty("category").GetString());
            int.Parse(csv["proposals"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("proposals").GetInt32());
            int.Parse(csv["proposalsTakenUp"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("takenUp").GetInt32());
            int.Parse(csv["supports"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("supports").GetInt32());
        }

        foreach (var row in json.GetProperty("ratings").EnumerateArray())
        {
            var csv = records.Single(r => r["section"] == "ratings" && r["municipality"] == row.GetProperty("municipality").GetString()
                && r["month"] == row.GetProperty("month").GetString() && r["category"] == row.GetProperty("category").GetString());
            int.Parse(csv["reviews"], CultureInfo.InvariantCulture).ShouldBe(row.GetProperty("reviews").GetInt32());
            ParseOrNull(csv["averageRating"]).ShouldBe(Nullable(row, "averageRating"));
        }

        // A name with a comma and quotes survives quoting; Hangul is intact.
        records.ShouldContain(r => r["equipment"] == "레이저 커터, 대형 \"A\"" && r["municipalityName"] == "군산시");
    }

    private static double? ParseOrNull(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_public_summary_is_anonymous_and_agrees_with_the_data()
    {
        using var anonymous = data.App.NewClient();
        var summary = await anonymous.GetAsync("/api/v1/statistics/summary").ExpectAsync(HttpStatusCode.OK);

        var year = DateTimeOffset.UtcNow.ToOffset(Kst).Year;
        bool ThisYear(DateTimeOffset instant) => instant.ToOffset(Kst).Year == year;
        var published = data.Resources.Where(r => r.Status == "Published").ToList();
        var labs = data.Labs.Where(l => l.Status == "Published").ToList();
        var circles = data.Circles.Where(c => c.Status == "Active").ToList();
        var booked = data.Bookings.Where(b => Held.Contains(b.Status) && ThisYear(b.StartsAt)).ToList();
        var sessions = data.LabSessions.Where(s => Held.Contains(s.Status) && ThisYear(s.StartsAt)).ToList();
        summary.GetProperty("year").GetInt32().ShouldBe(year);
        summary.GetProperty("publishedResources").GetInt32().ShouldBe(published.Count);
        summary.GetProperty("publishedLabs").GetInt32().ShouldBe(labs.Count);
        summary.GetProperty("activeCircles").GetInt32().ShouldBe(circles.Count);
        summary.GetProperty("bookedHours").GetDouble().ShouldBe(Hours(booked.Sum(b => b.Minutes)));
        summary.GetProperty("labHours").GetDouble().ShouldBe(Hours(sessions.Sum(s => s.Minutes)));
        summary.GetProperty("hoursShared").GetDouble().ShouldBe(Hours(booked.Sum(b => b.Minutes) + sessions.Sum(s => s.Minutes)));
        summary.GetProperty("hoursShared").GetDouble().ShouldBeGreaterThan(0);

        var municipalities = summary.GetProperty("municipalities").EnumerateArray().ToList();
        municipalities.Count.ShouldBe(14);
        foreach (var row in municipalities)
        {
            var m = row.GetProperty("municipality").GetString();
            row.GetProperty("publishedResources").GetInt32().ShouldBe(published.Count(r => r.Municipality == m), m);
            row.GetProperty("publishedLabs").GetInt32().ShouldBe(labs.Count(l => l.Municipality == m), m);
            row.GetProperty("activeCircles").GetInt32().ShouldBe(circles.Count(c => c.Municipality == m), m);
            row.GetProperty("hoursShared").GetDouble().ShouldBe(
                Hours(booked.Where(b => b.Resource.Municipality == m).Sum(b => b.Minutes) + sessions.Where(s => s.Lab.Municipality == m).Sum(s => s.Minutes)), m);
        }

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Programme?culture=ko"));
        page.ShouldContain("공유경제 프로그램 현황");
        page.ShouldContain("전주시");
        var english = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Programme?culture=en"));
        english.ShouldContain("The sharing programme in numbers");
        english.ShouldContain("Jeonju");
    }

    [Fact]
    public async Task Only_administrators_see_the_statistics()
    {
        using var anonymous = data.App.NewClient();
        (await anonymous.GetAsync("/api/v1/admin/statistics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var resident = data.App.NewClient();
        resident.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await resident.LoginAsync(data.ResidentEmail, ApiClient.Password));
        (await resident.GetAsync("/api/v1/admin/statistics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await resident.GetAsync("/api/v1/admin/statistics?format=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var browser = data.App.NewClient(followRedirects: false);
        await browser.SignInAsync(data.ResidentEmail, ApiClient.Password);
        (await browser.GetAsync("/Admin/Statistics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync("/Admin/Statistics?handler=Csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_period_that_is_not_a_month_or_runs_backwards_is_refused()
    {
        using var admin = await data.App.AdministratorAsync();
        var wrong = await admin.GetAsync("/api/v1/admin/statistics?from=2025-13").ExpectAsync(HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
        await admin.GetAsync("/api/v1/admin/statistics?from=2025-05&to=2025-01").ExpectAsync(HttpStatusCode.BadRequest);
        await admin.GetAsync("/api/v1/admin/statistics?municipality=seoul").ExpectAsync(HttpStatusCode.BadRequest);

        // Empty filters are no filters: the twelve Seoul months up to this one.
        var defaults = await admin.GetAsync("/api/v1/admin/statistics?from=&to=&municipality=").ExpectAsync(HttpStatusCode.OK);
        var thisMonth = DateTimeOffset.UtcNow.ToOffset(Kst);
        defaults.GetProperty("to").GetString().ShouldBe(thisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        defaults.GetProperty("from").GetString().ShouldBe(thisMonth.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        defaults.GetProperty("municipality").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_statistics_page_renders_its_tables_in_Korean_and_English_and_its_CSV_is_the_APIs()
    {
        using var browser = data.App.NewClient(followRedirects: false);
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var korean = WebUtility.HtmlDecode(await browser.GetStringAsync("/Admin/Statistics?from=2025-01&to=2025-04&culture=ko"));
        korean.ShouldContain("<h1>프로그램 통계</h1>");
        korean.ShouldContain("시군·분류·월별 공유자원 이용");
        korean.ShouldContain("장비별 이용 시간");
        korean.ShouldContain("시군·월별 모임과 출석");
        korean.ShouldContain("<td>군산시</td>");
        korean.ShouldContain("CSV 내려받기");
        korean.ShouldContain("id=\"statistics-data\"");

        var english = WebUtility.HtmlDecode(await browser.GetStringAsync("/Admin/Statistics?from=2025-01&to=2025-04&municipality=jeonju&culture=en"));
        english.ShouldContain("<h1>Programme statistics</h1>");
        english.ShouldContain("Shared resource use per municipality, category and month");
        english.ShouldContain("Jeonju");
        english.ShouldContain("<td>Jeonju</td>");
        english.ShouldNotContain("<td>Gunsan</td>");
        english.ShouldContain("Download CSV");

        var pageCsv = await browser.GetByteArrayAsync("/Admin/Statistics?handler=Csv&from=2025-01&to=2025-04&culture=ko");
        using var admin = await data.App.AdministratorAsync();
        var apiCsv = await admin.GetByteArrayAsync("/api/v1/admin/statistics?from=2025-01&to=2025-04&format=csv");
        pageCsv.ShouldBe(apiCsv);
    }
}
