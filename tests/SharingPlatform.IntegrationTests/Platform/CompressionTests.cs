using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Pages, stylesheets and scripts leave compressed as the browser accepts; the API is left to nginx.</summary>
[Collection(AppCollection.Name)]
public sealed class CompressionTests(SharedApp shared)
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
        (await Unpack(encoding, sent)).ShouldBe(plain);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_is_sent_compressed_with_a_new_antiforgery_token_each_time_and_the_API_is_not(string encoding)
    {
        using var client = _app.NewClient();
        var tokens = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
            page.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            var sent = await response.Content.ReadAsByteArrayAsync();
            var unpacked = await Unpack(encoding, sent);
            sent.Length.ShouldBeLessThan(unpacked.Length / 2);
            var html = Encoding.UTF8.GetString(unpacked);
            html.ShouldContain("</html>");
            tokens.Add(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        }
        // Compressing a page over HTTPS is safe because its one secret never repeats: its length tells nothing.
        tokens.ShouldAllBe(t => t.Length > 0);
        tokens[0].ShouldNotBe(tokens[1]);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/resources");
        api.Headers.AcceptEncoding.ParseAdd(encoding);
        using var list = await client.SendAsync(api);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    private static async Task<byte[]> Unpack(string encoding, byte[] sent)
    {
        await using var unpacking = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(sent), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(sent), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await unpacking.CopyToAsync(unpacked);
        return unpacked.ToArray();
    }
}
