using System.IO.Compression;
using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Stylesheets and scripts leave compressed as the browser accepts; pages are left to nginx.</summary>
[Collection(AppCollection.Name)]
public sealed class StaticCompressionTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task KRDS_s_stylesheet_is_sent_compressed_and_unpacks_to_the_same_file(string encoding)
    {
        using var client = _app.NewClient();
        const string path = "/lib/krds/css/component/output.css";
        var plain = await client.GetByteArrayAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        var sent = await response.Content.ReadAsByteArrayAsync();
        sent.Length.ShouldBeLessThan(plain.Length / 3);
        await using var unpacking = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(sent), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(sent), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await unpacking.CopyToAsync(unpacked);
        unpacked.ToArray().ShouldBe(plain);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.ParseAdd(encoding);
        using var home = await client.SendAsync(page);
        home.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }
}
