using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.OpenData;

/// <summary>
/// The open-data feed, read anonymously the way the national portal would: page through it, find this test's listings,
/// and check the 공유누리 field set, the CSV twin, the caching headers, and that what the public must not see is absent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenDataTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private sealed record Listings(VerifiedOrganization Organization, Guid Resource, Guid Draft, Guid Lab, string Tag);

    private async Task<Listings> ListingsAsync()
    {
        var tag = $"공유{Guid.NewGuid():N}"[..12];
        var organization = await _app.VerifiedOrganizationAsync($"{tag} 협동조합");
        var body = CatalogClient.ResourceBody(organization.Id, $"{tag} 회의실, 2층", "gunsan");
        body["capacity"] = 12;
        body["feePerHour"] = 5000;
        body["feeNote"] = "냉난방비 포함";
        body["policy"] = CatalogClient.PolicyBody(("monday", "09:00", "18:00"), ("wednesday", "09:00", "12:00"), ("wednesday", "13:00", "24:00"));
        var resource = await _app.PublishedResourceAsync(organization, body);
        var draft = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, $"{tag} 초안"));

        var labBody = LabClient.LabBody(organization.Id, seats: 6, name: $"{tag} 실험실");
        var lab = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync("/api/v1/labs", labBody));
        await organization.Owner.PostAsync($"/api/v1/labs/{lab}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("labs", lab, "approve");
        return new Listings(organization, resource, draft, lab, tag);
    }

    /// <summary>Every item of the feed, page by page, as an anonymous caller.</summary>
    private async Task<List<JsonElement>> FeedAsync()
    {
        using var anonymous = _app.NewClient();
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await anonymous.GetAsync($"/api/v1/open-data/resources?page={page}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
            var batch = json.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (items.Count >= json.GetProperty("totalCount").GetInt32() || batch.Count == 0)
                return items;
        }
    }

    [Fact]
    public async Task Published_resources_and_labs_are_listed_anonymously_in_the_national_portals_field_set()
    {
        var listings = await ListingsAsync();

        var feed = await FeedAsync();

        feed.Select(i => i.GetProperty("id").GetGuid()).ShouldBeUnique();
        feed.ShouldNotContain(i => i.GetProperty("id").GetGuid() == listings.Draft);
        var resource = feed.Single(i => i.GetProperty("id").GetGuid() == listings.Resource);
        resource.GetProperty("kind").GetString().ShouldBe("resource");
        resource.GetProperty("name").GetString().ShouldBe($"{listings.Tag} 회의실, 2층");
        resource.GetProperty("category").GetString().ShouldBe("space");
        resource.GetProperty("categoryName").GetString().ShouldBe("공간");
        resource.GetProperty("municipalityCode").GetString().ShouldBe("gunsan");
        resource.GetProperty("municipality").GetString().ShouldBe("군산시");
        resource.GetProperty("managingOrganization").GetString().ShouldBe($"{listings.Tag} 협동조합");
        resource.GetProperty("openDays").GetString().ShouldBe("월,수");
        resource.GetProperty("openHours").GetString().ShouldBe("월 09:00-18:00; 수 09:00-12:00; 수 13:00-24:00");
        resource.GetProperty("openingHours").GetArrayLength().ShouldBe(3);
        resource.GetProperty("capacity").GetInt32().ShouldBe(12);
        resource.GetProperty("isFree").GetBoolean().ShouldBeFalse();
        resource.GetProperty("feePerHour").GetInt32().ShouldBe(5000);
        resource.GetProperty("feeNote").GetString().ShouldBe("냉난방비 포함");
        resource.GetProperty("bookingMethod").GetString().ShouldNotBeNullOrEmpty();
        resource.GetProperty("contactPhone").GetString().ShouldNotBeNullOrEmpty();
        resource.GetProperty("contactEmail").GetString().ShouldNotBeNullOrEmpty();
        resource.GetProperty("detailUrl").GetString().ShouldEndWith($"/Resources/Details/{listings.Resource}");
        resource.GetProperty("lastUpdated").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));

        var lab = feed.Single(i => i.GetProperty("id").GetGuid() == listings.Lab);
        lab.GetProperty("kind").GetString().ShouldBe("lab");
        lab.GetProperty("category").GetString().ShouldBe("lab");
        lab.GetProperty("capacity").GetInt32().ShouldBe(6);
        lab.GetProperty("openDays").GetString().ShouldBe("월,화,수,목,금,토,일");
        lab.GetProperty("managingOrganization").GetString().ShouldBe($"{listings.Tag} 협동조합");
    }

    [Fact]
    public async Task A_suspended_organizations_listings_vanish_from_open_data_and_search()
    {
        var listings = await ListingsAsync();
        using var anonymous = _app.NewClient();
        async Task<int> SearchHitsAsync() =>
            (await anonymous.GetAsync($"/api/v1/resources?q={Uri.EscapeDataString(listings.Tag)}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("totalCount").GetInt32();
        (await SearchHitsAsync()).ShouldBe(1);

        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("organizations", listings.Organization.Id, "suspend", "허위 등록 신고 확인");

        var feed = await FeedAsync();
        feed.ShouldNotContain(i => i.GetProperty("id").GetGuid() == listings.Resource);
        feed.ShouldNotContain(i => i.GetProperty("id").GetGuid() == listings.Lab);
        (await SearchHitsAsync()).ShouldBe(0);
        await anonymous.GetAsync($"/api/v1/labs/{listings.Lab}").ExpectAsync(HttpStatusCode.NotFound);

        await admin.DecideAsync("organizations", listings.Organization.Id, "restore", "소명 확인");
        (await FeedAsync()).ShouldContain(i => i.GetProperty("id").GetGuid() == listings.Resource);
        (await SearchHitsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_unchanged_page_answers_304_to_its_etag_and_a_change_gives_a_new_etag()
    {
        var listings = await ListingsAsync();
        var page = (await FeedAsync()).FindIndex(i => i.GetProperty("id").GetGuid() == listings.Lab) / 100 + 1;
        var url = $"/api/v1/open-data/resources?page={page}&pageSize=100";
        using var anonymous = _app.NewClient();

        using var first = await anonymous.GetAsync(url);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag.ShouldNotBeNull();
        first.Headers.CacheControl.ShouldNotBeNull().Public.ShouldBeTrue();
        first.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        (await first.Content.ReadAsStringAsync()).ShouldContain(listings.Lab.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await anonymous.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        using var admin = await _app.AdministratorAsync();
        await admin.DecideAsync("labs", listings.Lab, "suspend", "안전 점검");
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, url);
        afterChange.Headers.IfNoneMatch.Add(etag);
        using var changed = await anonymous.SendAsync(afterChange);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(etag.Tag);
        (await changed.Content.ReadAsStringAsync()).ShouldNotContain(listings.Lab.ToString());
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_holds_the_same_page_with_hangul_intact()
    {
        var listings = await ListingsAsync();
        var feed = await FeedAsync();
        var index = feed.FindIndex(i => i.GetProperty("id").GetGuid() == listings.Resource);
        var page = index / 100 + 1;
        using var anonymous = _app.NewClient();

        using var response = await anonymous.GetAsync($"/api/v1/open-data/resources?format=csv&page={page}&pageSize=100");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        header.ShouldContain("managingOrganization");
        header.ShouldContain("openHours");
        var json = await anonymous.GetAsync($"/api/v1/open-data/resources?page={page}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        rows.Count.ShouldBe(json.GetProperty("items").GetArrayLength() + 1);
        var row = rows.Single(r => r[header.IndexOf("id")] == listings.Resource.ToString());
        row[header.IndexOf("name")].ShouldBe($"{listings.Tag} 회의실, 2층");
        row[header.IndexOf("municipality")].ShouldBe("군산시");
        row[header.IndexOf("openHours")].ShouldBe("월 09:00-18:00; 수 09:00-12:00; 수 13:00-24:00");
        row[header.IndexOf("feePerHour")].ShouldBe("5000");

        using var byAccept = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/open-data/resources?page={page}&pageSize=100");
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var accepted = await anonymous.SendAsync(byAccept);
        (await accepted.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
    }

    [Fact]
    public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text_in_the_csv()
    {
        var tag = $"공유{Guid.NewGuid():N}"[..12];
        var organization = await _app.VerifiedOrganizationAsync($"@SUM(1+1) {tag}");
        var body = CatalogClient.ResourceBody(organization.Id, $"=HYPERLINK(\"http://evil.example/{tag}\",\"열기\")", "jeonju");
        body["feePerHour"] = 1000;
        body["feeNote"] = "+1 냉난방비 -2";
        var resource = await _app.PublishedResourceAsync(organization, body);
        var feed = await FeedAsync();
        var index = feed.FindIndex(i => i.GetProperty("id").GetGuid() == resource);
        var json = feed[index];
        var page = index / 100 + 1;
        using var anonymous = _app.NewClient();

        var bytes = await anonymous.GetByteArrayAsync($"/api/v1/open-data/resources?format=csv&page={page}&pageSize=100");

        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        var row = rows.Single(r => r[header.IndexOf("id")] == resource.ToString());
        row[header.IndexOf("name")].ShouldBe($"'=HYPERLINK(\"http://evil.example/{tag}\",\"열기\")");
        row[header.IndexOf("managingOrganization")].ShouldBe($"'@SUM(1+1) {tag}");
        row[header.IndexOf("feeNote")].ShouldBe("'+1 냉난방비 -2");
        row[header.IndexOf("feePerHour")].ShouldBe("1000");
        json.GetProperty("name").GetString().ShouldBe($"=HYPERLINK(\"http://evil.example/{tag}\",\"열기\")");
    }

    [Fact]
    public async Task A_page_size_over_the_limit_is_a_validation_problem()
    {
        using var anonymous = _app.NewClient();
        using var response = await anonymous.GetAsync("/api/v1/open-data/resources?pageSize=1000");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_open_data_page_explains_the_feed_in_korean_and_english_and_links_its_csv()
    {
        using var anonymous = _app.NewClient();
        var korean = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/OpenData"));
        korean.ShouldContain("<h1>공공데이터 개방</h1>");
        korean.ShouldContain("href=\"/api/v1/open-data/resources?format=csv\"");
        var english = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/OpenData?culture=en"));
        english.ShouldContain("<h1>Open data</h1>");
        english.ShouldContain("Download CSV");
    }
}
