using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SharingPlatform.Web.Pages.Shared;

/// <summary>
/// <c>&lt;kept-part&gt;…&lt;/kept-part&gt;</c>: the framework's <c>&lt;cache&gt;</c> tag, with its attributes, keeping
/// what it holds without the indentation between its tags. A kept part is sent again with every page, and its
/// indentation was a third of a search page's bytes.
/// </summary>
[HtmlTargetElement("kept-part")]
public partial class KeptPartTagHelper(CacheTagHelperMemoryCacheFactory factory, HtmlEncoder encoder) : CacheTagHelper(factory, encoder)
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var compact = new TagHelperOutput(output.TagName, output.Attributes, async (useCachedResult, childEncoder) =>
        {
            var content = await output.GetChildContentAsync(useCachedResult, childEncoder);
            return new DefaultTagHelperContent().SetHtmlContent(WithoutIndentation(content.GetContent(HtmlEncoder)));
        });
        await base.ProcessAsync(context, compact);
        output.SuppressOutput();
        output.Content.SetHtmlContent(compact.Content);
    }

    /// <summary>
    /// The markup with each run of white space that holds a line break between two tags made one line break: it shows
    /// the same, since a browser shows any such run as one space. Markup with a <c>pre</c> or <c>textarea</c>, which
    /// show their white space as it is, is left whole.
    /// </summary>
    public static string WithoutIndentation(string html) =>
        html.Contains("<pre", StringComparison.OrdinalIgnoreCase) || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase)
            ? html
            : IndentationBetweenTags().Replace(html, ">\n<");

    [GeneratedRegex(@">[ \t\r]*\n\s*<")]
    private static partial Regex IndentationBetweenTags();
}
