using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SharingPlatform.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SharingPlatform.IntegrationTests.Labs;

[Collection(AppCollection.Name)]
public sealed partial class LabPhotoTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static byte[] Image(bool jpeg)
    {
        using var image = new Image<Rgba32>(800, 600, new Rgba32(40, 160, 90));
        using var stream = new MemoryStream();
        if (jpeg)
            image.SaveAsJpeg(stream);
        else
            image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType, string part = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, part, fileName } };
    }

    private static MultipartFormDataContent Jpeg() => Upload(Image(jpeg: true), "bench.jpg", "image/jpeg");

    private static MultipartFormDataContent Png() => Upload(Image(jpeg: false), "bench.png", "image/png");

    private async Task<(TestLab Lab, string Name)> NamedLabAsync()
    {
        var name = $"사진 실험실 {CatalogClient.NewHangulWord()}";
        var organization = await _app.VerifiedOrganizationAsync();
        var labId = await CatalogClient.CreatedIdAsync(organization.Owner.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(organization.Id, name: name)));
        await organization.Owner.PostAsync($"/api/v1/labs/{labId}/submit", null).ExpectAsync(HttpStatusCode.OK);
        using (var admin = await _app.AdministratorAsync())
            await admin.DecideAsync("labs", labId, "approve");
        return (new TestLab(organization, labId, new Dictionary<string, Guid>()), name);
    }

    private async Task<string?> FeedPhotoUrlAsync(Guid labId)
    {
        using var anonymous = _app.NewClient();
        for (var page = 1; ; page++)
        {
            var json = await anonymous.GetAsync($"/api/v1/open-data/resources?page={page}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
            var batch = json.GetProperty("items").EnumerateArray().ToList();
            if (batch.FirstOrDefault(i => i.GetProperty("id").GetGuid() == labId) is { ValueKind: JsonValueKind.Object } item)
                return item.GetProperty("photoUrl").GetString();
            if (batch.Count == 0)
                throw new InvalidOperationException("The lab is not in the feed.");
        }
    }

    [Fact]
    public async Task A_manager_uploads_photos_that_the_lab_its_page_its_list_entry_and_the_open_data_feed_show()
    {
        var (lab, name) = await NamedLabAsync();
        using var _ = lab;
        using var anonymous = _app.NewClient();
        (await FeedPhotoUrlAsync(lab.Id)).ShouldBeNull();

        var first = await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Jpeg()).ExpectAsync(HttpStatusCode.Created);
        var second = await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ExpectAsync(HttpStatusCode.Created);
        var url = first.GetProperty("url").GetString()!;
        var thumbnail = first.GetProperty("thumbnailUrl").GetString()!;
        url.ShouldStartWith("/media/");

        var photos = (await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").EnumerateArray().ToList();
        photos.Select(p => p.GetProperty("id").GetGuid()).ShouldBe([first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid()]);
        photos[0].GetProperty("url").GetString().ShouldBe(url);

        var served = await anonymous.GetAsync(url);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(0);
        (await anonymous.GetAsync(thumbnail)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Labs/Details/{lab.Id}"));
        page.ShouldContain($"src=\"{url}\" alt=\"{name} 사진 1\"");
        page.ShouldContain($"alt=\"{name} 사진 2\"");
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Labs?q={Uri.EscapeDataString(name)}")).ShouldContain($"src=\"{thumbnail}\"");

        var fed = await FeedPhotoUrlAsync(lab.Id);
        fed.ShouldNotBeNull();
        new Uri(fed).IsAbsoluteUri.ShouldBeTrue();
        new Uri(fed).AbsolutePath.ShouldBe(url);
    }

    [Fact]
    public async Task A_ninth_photo_is_refused()
    {
        using var lab = await _app.PublishedLabAsync();
        for (var i = 0; i < 8; i++)
            await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ExpectAsync(HttpStatusCode.Created);

        (await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("too_many_photos");
        using var anonymous = _app.NewClient();
        (await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").GetArrayLength().ShouldBe(8);
    }

    [Fact]
    public async Task Uploads_at_once_never_pass_eight_photos()
    {
        using var lab = await _app.PublishedLabAsync();
        for (var i = 0; i < 6; i++)
            await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ExpectAsync(HttpStatusCode.Created);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png())));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2);
        answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(4);
        using var anonymous = _app.NewClient();
        var positions = (await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").GetArrayLength();
        positions.ShouldBe(8);
    }

    [Fact]
    public async Task A_resident_who_sees_the_lab_gets_403_and_a_stranger_to_a_draft_404()
    {
        using var lab = await _app.PublishedLabAsync();
        using var resident = (await _app.ResidentsAsync(1))[0];
        await resident.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ExpectAsync(HttpStatusCode.Forbidden);

        var draftId = await CatalogClient.CreatedIdAsync(lab.Manager.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(lab.Organization.Id)));
        await resident.PostAsync($"/api/v1/labs/{draftId}/photos", Png()).ExpectAsync(HttpStatusCode.NotFound);
        var photoId = (await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await resident.DeleteAsync($"/api/v1/labs/{lab.Id}/photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_text_file_named_jpg_is_refused()
    {
        using var lab = await _app.PublishedLabAsync();

        var response = await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Upload("<html>not a photo</html>"u8.ToArray(), "photo.jpg", "image/jpeg"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemAsync()).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_removed_photo_leaves_the_listing_and_its_files_and_the_rest_move_up()
    {
        using var lab = await _app.PublishedLabAsync();
        var first = await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Png()).ExpectAsync(HttpStatusCode.Created);
        var second = await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/photos", Jpeg()).ExpectAsync(HttpStatusCode.Created);

        (await lab.Manager.DeleteAsync($"/api/v1/labs/{lab.Id}/photos/{first.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var anonymous = _app.NewClient();
        var photos = (await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").EnumerateArray().ToList();
        photos.Select(p => p.GetProperty("id").GetGuid()).ShouldBe([second.GetProperty("id").GetGuid()]);
        (await anonymous.GetAsync(first.GetProperty("url").GetString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(first.GetProperty("thumbnailUrl").GetString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lab.Manager.DeleteAsync($"/api/v1/labs/{lab.Id}/photos/{first.GetProperty("id").GetGuid()}").ProblemCodeAsync(HttpStatusCode.UnprocessableEntity))
            .ShouldBe("no_such_photo");
    }

    [Fact]
    public async Task The_console_uploads_and_removes_a_photo_and_refuses_a_non_image_in_the_pages_language()
    {
        using var lab = await _app.PublishedLabAsync();
        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(lab.Organization.OwnerEmail, ApiClient.Password);
        var path = $"/Labs/Manage/{lab.Id}";

        var console = await owner.GetStringAsync(path);
        console.ShouldContain("<label class=\"form-label\" for=\"LabPhoto\">");
        var uploaded = await owner.PostAsync($"{path}?handler=LabPhoto", PageUpload(console, Image(jpeg: true), "bench.jpg"));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = _app.NewClient();
        var photo = (await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos")[0];
        (await owner.GetStringAsync(path)).ShouldContain(photo.GetProperty("thumbnailUrl").GetString()!);

        var english = await owner.GetStringAsync($"{path}?culture=en");
        var refused = await owner.PostAsync($"{path}?handler=LabPhoto&culture=en", PageUpload(english, "not a photo"u8.ToArray(), "notes.jpg"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        refusal.ShouldContain("Only JPEG, PNG or WebP photos of at most 24 megapixels.");
        refusal.ShouldContain("href=\"#LabPhoto\"");

        var removed = await owner.PostFormAsync(path + "?handler=RemoveLabPhoto", new Dictionary<string, string> { ["photoId"] = photo.GetProperty("id").GetString()! });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").GetArrayLength().ShouldBe(0);
    }

    private static MultipartFormDataContent PageUpload(string page, byte[] bytes, string fileName)
    {
        var content = Upload(bytes, fileName, "image/jpeg", "LabPhoto");
        content.Add(new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken");
        return content;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
