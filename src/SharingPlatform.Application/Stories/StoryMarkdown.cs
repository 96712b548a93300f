using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SharingPlatform.Application.Stories;

/// <summary>
/// A story's Markdown as safe HTML: raw HTML stays text, links keep only http, https and mailto targets and paths on this site, and carry
/// rel="nofollow ugc", and images are shown only from https addresses (anything else becomes its alt text).
/// </summary>
public static class StoryMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
            Secure(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            Secure(autolink);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The first <paramref name="length"/> characters of the text a reader sees, on one line, without Markdown's marks.</summary>
    public static string Summary(string markdown, int length)
    {
        var text = string.Join(' ', Markdown.ToPlainText(markdown ?? "", Pipeline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
    }

    public static bool IsSafeLink(string? url, bool image)
    {
        if (!image && IsSitePath(url))
            return true;
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return false;
        return image
            ? uri.Scheme == Uri.UriSchemeHttps
            : uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto;
    }

    /// <summary>A path on this site ("/Proposals"), not a protocol-relative address ("//elsewhere") in disguise.</summary>
    private static bool IsSitePath(string? url) =>
        url is ['/', var second, ..] && second is not ('/' or '\\') && !url.Any(char.IsControl);

    private static void Secure(LinkInline link)
    {
        if (!IsSafeLink(link.Url, link.IsImage))
        {
            ReplaceWithText(link);
            return;
        }
        if (!link.IsImage)
            link.GetAttributes().AddProperty("rel", "nofollow ugc");
    }

    private static void Secure(AutolinkInline autolink)
    {
        var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        if (!IsSafeLink(url, false))
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
            return;
        }
        autolink.GetAttributes().AddProperty("rel", "nofollow ugc");
    }

    private static void ReplaceWithText(LinkInline link)
    {
        var text = new ContainerInline();
        foreach (var child in link.ToList())
        {
            child.Remove();
            text.AppendChild(child);
        }
        link.ReplaceBy(text);
    }
}
