using System.Net;
using System.Net.Http.Headers;
using SharingPlatform.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SharingPlatform.IntegrationTests.Labs;

[Collection(AppCollection.Name)]
public sealed class LabEquipmentPhotoTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static MultipartFormDataContent Png()
    {
        using var image = new Image<Rgba32>(400, 300, new Rgba32(200, 60, 30));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "cutter.png" } };
    }

    [Fact]
    public async Task A_manager_sets_the_photo_of_a_piece_of_equipment_and_a_new_one_replaces_it()
    {
        using var lab = await _app.PublishedLabAsync(seats: 2, ("레이저 커터", true));
        var cutter = lab.Equipment["레이저 커터"];
        using var resident = (await _app.ResidentsAsync(1))[0];

        await resident.PostAsync($"/api/v1/labs/{lab.Id}/equipment/{cutter}/photo", Png()).ExpectAsync(HttpStatusCode.Forbidden);
        var first = (await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/equipment/{cutter}/photo", Png()).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("photoUrl").GetString()!;
        var second = (await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/equipment/{cutter}/photo", Png()).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("photoUrl").GetString()!;

        second.ShouldNotBe(first);
        using var anyone = _app.NewClient();
        (await anyone.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anyone.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var shown = await anyone.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK);
        shown.GetProperty("equipment")[0].GetProperty("photoUrl").GetString().ShouldBe(second);
    }

    [Fact]
    public async Task Photos_set_at_once_leave_only_the_one_shown()
    {
        using var lab = await _app.PublishedLabAsync(seats: 2, ("3D 프린터", true));
        var printer = lab.Equipment["3D 프린터"];
        var first = (await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/equipment/{printer}/photo", Png()).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("photoUrl").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/equipment/{printer}/photo", Png()).ExpectAsync(HttpStatusCode.OK)));

        using var anyone = _app.NewClient();
        var shown = (await anyone.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("equipment")[0].GetProperty("photoUrl").GetString()!;
        var urls = answers.Select(a => a.GetProperty("photoUrl").GetString()!).Append(first).ToList();
        urls.ShouldContain(shown);
        foreach (var replaced in urls.Where(u => u != shown))
            (await anyone.GetAsync(replaced)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anyone.GetAsync(shown)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
