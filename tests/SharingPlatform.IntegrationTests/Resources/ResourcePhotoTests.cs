using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SharingPlatform.IntegrationTests.Resources;

[Collection(AppCollection.Name)]
public sealed class ResourcePhotoTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(30, 120, 200));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<(VerifiedOrganization Organization, Guid ResourceId)> DraftAsync()
    {
        var organization = await _app.VerifiedOrganizationAsync();
        var resourceId = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));
        return (organization, resourceId);
    }

    [Fact]
    public async Task A_new_resource_s_form_takes_its_first_photo_and_a_refused_photo_still_saves_the_resource()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var path = $"/Resources/Edit?organizationId={organization.Id}";

        async Task<HttpResponseMessage> CreateAsync(string title, byte[] photo, string contentType)
        {
            var html = await site.GetStringAsync(path);
            var fields = PageForms.FieldsOf(html, "Input.Title");
            fields["Input.Title"] = title;
            fields["Input.Description"] = "사진과 함께 처음 저장하는 공유자원";
            fields["Input.Address"] = "전주시 완산구 풍남문로 1";
            fields["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
                form.Add(new StringContent(value), name);
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "Photo", "cover.png");
            return await site.PostAsync(path, form);
        }

        var withPhoto = await CreateAsync("사진 있는 회의실", Png(64, 48), "image/png");
        withPhoto.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(withPhoto.Headers.Location!.OriginalString.Split('/')[^1]);
        (await organization.Owner.GetAsync($"/api/v1/resources/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").GetArrayLength().ShouldBe(1);

        var notAPhoto = await CreateAsync("사진 아닌 파일 회의실", "이것은 사진이 아닙니다"u8.ToArray(), "image/png");
        notAPhoto.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = Guid.Parse(notAPhoto.Headers.Location!.OriginalString.Split('/')[^1]);
        (await organization.Owner.GetAsync($"/api/v1/resources/{saved}").ExpectAsync(HttpStatusCode.OK)).GetProperty("photos").GetArrayLength().ShouldBe(0);
        WebUtility.HtmlDecode(await site.GetStringAsync(notAPhoto.Headers.Location!.OriginalString)).ShouldContain("공유자원을 저장했지만 사진은 올리지 못했습니다");
    }

    private int StoredFiles() => Directory.Exists(_app.UploadsDirectory) ? Directory.GetFiles(_app.UploadsDirectory).Length : 0;

    [Fact]
    public async Task A_member_uploads_a_photo_that_is_resized_re_encoded_and_served_with_a_long_cache()
    {
        var (organization, resourceId) = await DraftAsync();
        using var owner = organization;

        var response = await organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos", Upload(Png(3000, 2000), "hall.png", "image/png"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var photo = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photos")[0];
        using var anonymous = _app.NewClient();
        var display = await anonymous.GetAsync(photo.GetProperty("url").GetString());
        display.StatusCode.ShouldBe(HttpStatusCode.OK);
        display.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        display.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        display.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        var shown = Image.Identify(await display.Content.ReadAsByteArrayAsync());
        (shown.Width, shown.Height).ShouldBe((1600, 1067));
        var thumbnail = Image.Identify(await anonymous.GetByteArrayAsync(photo.GetProperty("thumbnailUrl").GetString()));
        Math.Max(thumbnail.Width, thumbnail.Height).ShouldBe(400);
    }

    [Fact]
    public async Task An_upload_over_ten_megabytes_is_refused_and_nothing_is_stored()
    {
        var (organization, resourceId) = await DraftAsync();
        using var owner = organization;
        var before = StoredFiles();

        var response = await organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos",
            Upload(new byte[10 * 1024 * 1024 + 512 * 1024], "large.jpg", "image/jpeg"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemAsync()).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();

        // Past the upload's body limit the request is refused before its body is read.
        using var huge = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/resources/{resourceId}/photos")
        {
            Content = Upload(new byte[20 * 1024 * 1024], "huge.jpg", "image/jpeg"),
        };
        huge.Headers.ExpectContinue = true;
        (await organization.Owner.SendAsync(huge)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        StoredFiles().ShouldBe(before);
        (await _app.QueryAsync(db => db.Resources.Where(r => r.Id == resourceId).SelectMany(r => r.Photos).CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_text_file_named_jpg_is_refused_and_nothing_is_stored()
    {
        var (organization, resourceId) = await DraftAsync();
        using var owner = organization;
        var before = StoredFiles();

        var response = await organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos",
            Upload("<html>not a photo</html>"u8.ToArray(), "photo.jpg", "image/jpeg"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemAsync()).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        StoredFiles().ShouldBe(before);
    }

    [Fact]
    public async Task Photos_are_reordered_and_removed_by_members_only()
    {
        var (organization, resourceId) = await DraftAsync();
        using var owner = organization;
        await organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos", Upload(Png(200, 100), "a.png", "image/png"));
        var two = await (await organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos", Upload(Png(100, 200), "b.png", "image/png")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var ids = two.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();

        using var stranger = await _app.SignedInResidentAsync();
        (await stranger.PutAsJsonAsync($"/api/v1/resources/{resourceId}/photos/order", new { photoIds = ids.AsEnumerable().Reverse() }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var reordered = await (await organization.Owner.PutAsJsonAsync($"/api/v1/resources/{resourceId}/photos/order", new { photoIds = ids.AsEnumerable().Reverse() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        reordered.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe(ids.AsEnumerable().Reverse());

        var removed = await organization.Owner.DeleteAsync($"/api/v1/resources/{resourceId}/photos/{ids[0]}");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photos").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Uploads_at_once_never_pass_eight_photos()
    {
        var (organization, resourceId) = await DraftAsync();
        using var owner = organization;
        for (var i = 0; i < 6; i++)
            await organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos", Upload(Png(40, 30), "a.png", "image/png"))
                .ExpectAsync(HttpStatusCode.Created);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            organization.Owner.PostAsync($"/api/v1/resources/{resourceId}/photos", Upload(Png(40, 30), "b.png", "image/png"))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2);
        answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(4);
        var resource = await organization.Owner.GetAsync($"/api/v1/resources/{resourceId}").ExpectAsync(HttpStatusCode.OK);
        resource.GetProperty("photos").GetArrayLength().ShouldBe(8);
    }
}
