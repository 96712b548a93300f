using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Resources;

/// <summary>
/// A small file can declare a huge picture: a PNG of zeros that says 6000 × 6000 is 40 KB on the wire and 144 MB once
/// decoded. The header is read first and such a photo is refused before any decoding, on every photo upload.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PhotoDecodingLimitsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    /// <summary>A real, decodable grey PNG of the given size whose pixels are all zero (so it compresses to almost nothing).</summary>
    internal static byte[] DeclaredPng(int width, int height)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0, then zeros
            for (var y = 0; y < height; y++)
                zlib.Write(row);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, adaptive filtering, no interlace
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }

    internal static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "bomb.png" } };
    }

    [Fact]
    public async Task A_tiny_png_declaring_36_megapixels_is_refused_quickly_as_a_resource_lab_or_equipment_photo()
    {
        var bomb = DeclaredPng(6000, 6000);
        bomb.Length.ShouldBeLessThan(200_000);
        using var lab = await _app.PublishedLabAsync(seats: 2, ("레이저 커터", false));
        var organization = await _app.VerifiedOrganizationAsync();
        using var owner = organization;
        var resourceId = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id));

        foreach (var (client, url) in new[]
        {
            (organization.Owner, $"/api/v1/resources/{resourceId}/photos"),
            (lab.Manager, $"/api/v1/labs/{lab.Id}/photos"),
            (lab.Manager, $"/api/v1/labs/{lab.Id}/equipment/{lab.Equipment["레이저 커터"]}/photo"),
        })
        {
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsync(url, Upload(bomb));

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.ProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("24");
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), url);
        }
    }

    [Fact]
    public async Task Decoding_beyond_the_allowed_concurrency_answers_503_with_Retry_After_and_logs_no_error()
    {
        var logs = new CapturedErrors();
        await using var app = new AppFactory(new AppFactory.Settings("photobusy", RunJobServer: false, Overrides: new Dictionary<string, string?>
        {
            ["Uploads:MaxConcurrentDecodes"] = "1",
            ["Uploads:DecodeWaitSeconds"] = "0",
        }, Services: services => services.AddSingleton<ILoggerProvider>(logs)));
        await app.StartAsync();
        // No job server here, so no confirmation email: the owner's account is made already confirmed.
        using var owner = (await app.ResidentsAsync(1))[0];
        var organizationId = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody());
        using (var admin = await app.AdministratorAsync())
            await admin.VerifyAsync(organizationId);
        var resourceId = await owner.CreateResourceAsync(CatalogClient.ResourceBody(organizationId));
        var photo = DeclaredPng(4000, 4000); // 16 megapixels: taken, but it takes a while to decode

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            owner.PostAsync($"/api/v1/resources/{resourceId}/photos", Upload(photo))));

        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        busy.ShouldNotBeEmpty();
        busy.ShouldAllBe(r => r.Headers.RetryAfter != null && r.Headers.RetryAfter.Delta > TimeSpan.Zero);
        (await busy[0].ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(503);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.ServiceUnavailable);
        logs.Errors.ShouldBeEmpty();
    }
}
