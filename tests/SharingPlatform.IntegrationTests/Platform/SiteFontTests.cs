using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// The first page a browser opens names the site's font to fetch later instead of linking it; a browser that has it
/// (its cookie) gets the stylesheet linked; the kept public pages keep the two apart. The font's stylesheet gives the
/// site's own words one file per weight and leaves every other character to the pieces.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SiteFontTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_first_visit_names_the_font_to_fetch_later_and_a_browser_that_has_it_gets_it_linked_also_from_the_kept_pages()
    {
        using var client = _app.NewClient();
        foreach (var hasFont in new[] { false, true, false })
        {
            var kept = false;
            for (var i = 0; i < 3 && !kept; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/Circles");
                if (hasFont)
                    request.Headers.Add("Cookie", "sp.font=1");
                using var response = await client.SendAsync(request);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var html = await response.Content.ReadAsStringAsync();

                LinkedStylesheet().IsMatch(html).ShouldBe(hasFont);
                FontLater().IsMatch(html).ShouldBe(!hasFont);
                kept = response.Headers.Age is not null;
            }

            kept.ShouldBeTrue($"/Circles was not kept for a browser {(hasFont ? "with" : "without")} the font");
        }
    }

    [Fact]
    public async Task The_site_s_words_are_drawn_from_one_file_per_weight_and_other_characters_from_the_pieces()
    {
        using var client = _app.NewClient();
        var page = await client.GetStringAsync("/");
        var stylesheet = FontLater().Match(page).Groups[1].Value;
        var css = await client.GetStringAsync(stylesheet);
        var faces = FontFace().Matches(css).Select(m => (File: m.Groups[1].Value, Ranges: Ranges(m.Groups[2].Value))).ToList();

        var siteFiles = faces.Where(f => f.File.Contains(".site.", StringComparison.Ordinal)).ToList();
        siteFiles.Select(f => f.File[..f.File.IndexOf('.', StringComparison.Ordinal)])
            .ShouldBe(["PretendardGOV-Regular", "PretendardGOV-Bold"]);
        foreach (var (file, _) in siteFiles)
        {
            using var font = await client.GetAsync($"/lib/pretendard-gov/woff2/{file}");
            font.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await font.Content.ReadAsByteArrayAsync())[..4].ShouldBe("wOF2"u8.ToArray());
        }

        // The site's name, a municipality and a weekday are the site's words; a syllable no text of the site holds is not.
        foreach (var character in "전북 공유플랫폼 완주군 수요일 AZ09")
            faces.Where(f => f.Ranges.Any(r => r.From <= character && character <= r.To)).Select(f => f.File.Contains(".site.", StringComparison.Ordinal))
                .ShouldBe([true, true], $"'{character}'");
        faces.Count(f => f.Ranges.Any(r => r.From <= '똠' && '똠' <= r.To)).ShouldBe(2);
        faces.Where(f => f.Ranges.Any(r => r.From <= '똠' && '똠' <= r.To)).ShouldAllBe(f => !f.File.Contains(".site.", StringComparison.Ordinal));
    }

    private static List<(int From, int To)> Ranges(string unicodeRange) =>
        unicodeRange.Split(',').Select(range => range.Trim()[2..].Split('-'))
            .Select(ends => (From: int.Parse(ends[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                To: int.Parse(ends[^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"/lib/pretendard-gov/pretendard-gov.css\\?v=")]
    private static partial Regex LinkedStylesheet();

    [GeneratedRegex("<meta name=\"font-later\" content=\"(/lib/pretendard-gov/pretendard-gov.css\\?v=[^\"]+)\"")]
    private static partial Regex FontLater();

    [GeneratedRegex(@"src: url\(woff2/([^)]+)\) format\('woff2'\);\s*unicode-range: ([^;]+);")]
    private static partial Regex FontFace();
}
