using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SharingPlatform.Web.Pages.Shared;

/// <summary>
/// <c>&lt;public-part&gt;…&lt;/public-part&gt;</c>: a part of a page that shows everyone alike what
/// <see cref="PublicAnswers"/> answered for the address asked, kept as made in each node's memory per address,
/// language and minute, and dropped with those answers. A signed-in person's page is made for them each time, but the
/// search form and results of a search page need not be. Nothing inside may depend on who reads it: their name, their
/// own things, a form with a token. It is kept without the indentation between its tags: a third of a search page's
/// bytes, sent again with every page.
/// </summary>
[HtmlTargetElement("public-part")]
public sealed partial class PublicPartTagHelper(CacheTagHelperMemoryCacheFactory factory, HtmlEncoder encoder, PublicAnswers answers)
    : CacheTagHelper(factory, encoder)
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var kept = answers.KeptUnder();
        Enabled = kept is not null;
        VaryByCulture = true;
        VaryBy = kept + ViewContext.HttpContext.Request.QueryString.Value;
        ExpiresAfter = TimeSpan.FromMinutes(1);
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
