using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SharingPlatform.Web.Pages.Shared;

/// <summary>
/// <c>&lt;public-part&gt;…&lt;/public-part&gt;</c>: a part of a page that shows everyone alike what
/// <see cref="PublicAnswers"/> answered for the address asked, kept as made in each node's memory per address,
/// language and minute, and dropped with those answers. A signed-in person's page is made for them each time, but the
/// search form and results of a search page need not be. Nothing inside may depend on who reads it: their name, their
/// own things, a form with a token.
/// </summary>
[HtmlTargetElement("public-part")]
public sealed class PublicPartTagHelper(CacheTagHelperMemoryCacheFactory factory, HtmlEncoder encoder, PublicAnswers answers)
    : KeptPartTagHelper(factory, encoder)
{
    public override Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var kept = answers.KeptUnder();
        Enabled = kept is not null;
        VaryByCulture = true;
        VaryBy = kept + ViewContext.HttpContext.Request.QueryString.Value;
        ExpiresAfter = TimeSpan.FromMinutes(1);
        return base.ProcessAsync(context, output);
    }
}
