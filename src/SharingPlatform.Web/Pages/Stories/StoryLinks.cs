using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Web.Pages.Stories;

/// <summary>A story's links as the site's addresses, both ways: the form takes the pages' addresses, one per line.</summary>
public static class StoryLinks
{
    private static readonly Dictionary<StoryLinkType, string> Prefixes = new()
    {
        [StoryLinkType.Resource] = "/Resources/Details/",
        [StoryLinkType.Lab] = "/Labs/Details/",
        [StoryLinkType.Circle] = "/Circles/Details/",
    };

    public static string PathOf(StoryLinkType type, Guid id) => Prefixes[type] + id;

    /// <summary>
    /// The links named by the lines of <paramref name="text"/> (a full address or a path of a resource, lab or circle page);
    /// the lines that name none come back in <paramref name="unknown"/>.
    /// </summary>
    public static List<StoryLink> Parse(string? text, out List<string> unknown)
    {
        var links = new List<StoryLink>();
        unknown = [];
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var path = Uri.TryCreate(line, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : line;
            var match = Prefixes.FirstOrDefault(p => path.StartsWith(p.Value, StringComparison.OrdinalIgnoreCase));
            if (match.Value is not null && Guid.TryParse(path[match.Value.Length..].TrimEnd('/'), out var id))
                links.Add(new StoryLink(match.Key, id));
            else
                unknown.Add(line);
        }

        return links;
    }
}
