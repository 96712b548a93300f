using System.Text.RegularExpressions;

namespace SharingPlatform.Domain.Tests;

/// <summary>
/// The build keeps only the KRDS and Bootstrap rules whose classes it finds, by whole name, in the pages and scripts
/// (build/front-end.mjs). A class whose name a page puts together at run time (<c>status-@x</c>) is found only in
/// pieces, so it must be one of the site's own, whose stylesheet is kept whole.
/// </summary>
public sealed partial class StylesheetClassTests
{
    [Fact]
    public void Class_names_put_together_in_a_page_are_the_sites_own()
    {
        var web = Path.Combine(RepositoryRoot.Path, "src/SharingPlatform.Web");
        var siteCss = File.ReadAllText(Path.Combine(web, "wwwroot/css/site.css"));
        var composed = new List<string>();
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match attribute in ClassAttribute().Matches(File.ReadAllText(file)))
            {
                foreach (Match piece in ComposedClass().Matches(attribute.Groups["value"].Value))
                {
                    composed.Add(piece.Groups["prefix"].Value);
                    if (!siteCss.Contains("." + piece.Groups["prefix"].Value, StringComparison.Ordinal))
                        missing.Add($"{Path.GetRelativePath(web, file)}: {piece.Value}");
                }
            }
        }

        composed.ShouldNotBeEmpty();
        missing.ShouldBeEmpty();
    }

    [GeneratedRegex("""\bclass="(?<value>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9_-]*-)@")]
    private static partial Regex ComposedClass();
}
