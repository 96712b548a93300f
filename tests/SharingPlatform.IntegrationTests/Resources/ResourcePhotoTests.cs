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
}
