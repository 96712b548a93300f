using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SharingPlatform.Domain.Tests;

/// <summary>
/// Every sentence a person reads comes from resources: the Korean and English files hold the same keys, every key the
/// code asks for is there, and no source file outside the resources holds Korean text.
/// </summary>
public sealed partial class TextResourceTests
{
    private static readonly string[] ResourcePairs =
    [
        "src/SharingPlatform.Application/Resources/Messages",
        "src/SharingPlatform.Web/Resources/SiteText",
        "src/SharingPlatform.Web/Resources/ApiText",
    ];

    /// <summary>Source files that may hold Hangul, besides Resources/*.resx, Infrastructure/Seeding and Domain/Municipalities.</summary>
    private static readonly Dictionary<string, string> HangulAllowed = new()
    {
        ["src/SharingPlatform.Application/OpenData/ListOpenDataResources.cs"] =
            "the national open-data format (eshare.go.kr) fixes its field values in Korean, whatever the reader's language",
        ["src/SharingPlatform.Infrastructure/Email/MailOptions.cs"] =
            "the default sender name of the emails, a setting that appsettings may override",
    };

    [Fact]
    public void The_Korean_and_English_resources_hold_the_same_keys()
    {
        foreach (var pair in ResourcePairs)
        {
            var korean = Keys(Path.Combine(Root, pair + ".resx"));
            var english = Keys(Path.Combine(Root, pair + ".en.resx"));
            korean.Except(english).ShouldBeEmpty($"keys of {pair}.resx missing from {pair}.en.resx");
            english.Except(korean).ShouldBeEmpty($"keys of {pair}.en.resx missing from {pair}.resx");
        }
    }

    [Fact]
    public void Every_key_the_code_asks_Texts_for_is_in_the_messages()
    {
        var messages = Keys(Path.Combine(Root, ResourcePairs[0] + ".resx"));
        var asked = SourceFiles("*.cs")
            .SelectMany(file => TextsGet().Matches(File.ReadAllText(file)).Select(m => (File: Relative(file), Key: m.Groups["key"].Value)))
            .ToList();

        asked.ShouldNotBeEmpty();
        asked.Where(a => !messages.Contains(a.Key)).Select(a => $"{a.File}: {a.Key}").ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_the_domain_refuses_with_is_worded_in_both_languages()
    {
        var site = Keys(Path.Combine(Root, ResourcePairs[1] + ".resx"));
        var codes = Directory.EnumerateFiles(Path.Combine(Root, "src/SharingPlatform.Domain"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => RuleCode().Matches(File.ReadAllText(file)).Select(m => m.Groups["code"].Value))
            .Distinct()
            .ToList();

        codes.ShouldNotBeEmpty();
        codes.Where(code => !site.Contains($"Rule_{code}")).Order().ShouldBeEmpty("rule codes without Rule_{code} in SiteText.resx");
    }

    [Fact]
    public void No_source_file_outside_the_resources_holds_Korean_text()
    {
        var offenders = SourceFiles("*.cs").Concat(SourceFiles("*.cshtml"))
            .Select(Relative)
            .Where(file => !file.StartsWith("src/SharingPlatform.Infrastructure/Seeding/", StringComparison.Ordinal))
            .Where(file => !file.StartsWith("src/SharingPlatform.Domain/Municipalities/", StringComparison.Ordinal))
            .Where(file => !HangulAllowed.ContainsKey(file))
            .Where(file => Hangul().IsMatch(File.ReadAllText(Path.Combine(Root, file))))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    /// <summary>docs/glossary.md gives one word per thing; a Korean text using a word of its "not" column fails.</summary>
    [Fact]
    public void Korean_texts_use_the_glossarys_words()
    {
        var avoided = File.ReadLines(Path.Combine(Root, "docs/glossary.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Skip(1)
            .SelectMany(cells => cells[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(word => (Word: word, Use: cells[1])))
            .ToList();
        avoided.ShouldContain(a => a.Word == "입실");

        var misused = ResourcePairs
            .SelectMany(pair => XDocument.Load(Path.Combine(Root, pair + ".resx")).Root!.Elements("data")
                .Select(d => (Key: (string)d.Attribute("name")!, Text: (string?)d.Element("value") ?? "")))
            .SelectMany(t => avoided.Where(a => t.Text.Contains(a.Word, StringComparison.Ordinal)).Select(a => $"{t.Key}: \"{a.Word}\" (say {a.Use})"))
            .ToList();
        misused.ShouldBeEmpty();
    }

    private static readonly string Root = RepositoryRoot.Path;

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), pattern, SearchOption.AllDirectories)
            .Where(file => !Relative(file).Split('/').Any(part => part is "bin" or "obj"));

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    /// <summary><c>Texts.Get("Key", …)</c> and <c>Texts.Get(language, "Key", …)</c>.</summary>
    [GeneratedRegex("""Texts\.Get\((?:[^"();]*?,\s*)?"(?<key>\w+)"[,)]""")]
    private static partial Regex TextsGet();

    /// <summary><c>new DomainRuleException("code", …)</c> and <c>new IllegalTransitionException("code", …)</c>.</summary>
    [GeneratedRegex(@"new (?:DomainRule|IllegalTransition)Exception\(\s*""(?<code>[a-z_]+)""")]
    private static partial Regex RuleCode();

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();
}
