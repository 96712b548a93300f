using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using SharingPlatform.Application.Accounts;

namespace SharingPlatform.Web.Pages.Shared;

/// <summary>
/// <c>&lt;menu-link link="…" css-class="…" /&gt;</c>: a link of the header's menus, marked as the current page when it
/// opens the page shown, with the unread count as a badge (more than <see cref="MyMenu.UnreadCountCap"/> as "99+"). A
/// signed-in page shows some thirty of them (the bar and the phone's panel), so this is a tag helper rather than a
/// partial view for each.
/// </summary>
[HtmlTargetElement("menu-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MenuLinkTagHelper(IUrlHelperFactory urls, IStringLocalizer<SiteText> text) : TagHelper
{
    public MenuLink Link { get; set; } = null!;

    public string? CssClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        var href = Link.Path ?? urls.GetUrlHelper(ViewContext).Page(Link.Page) + Link.Query;
        output.Attributes.SetAttribute("href", href);
        if (CssClass is not null)
            output.Attributes.SetAttribute("class", CssClass);
        if (CssClass?.Contains("gnb-main-trigger", StringComparison.Ordinal) == true)
            output.Attributes.SetAttribute("data-trigger", "gnb");
        if (Link.Page is not null && Link.Query is null
            && string.Equals(ViewContext.RouteData.Values["page"] as string, Link.Page, StringComparison.Ordinal))
            output.Attributes.SetAttribute("aria-current", "page");

        output.Content.Append(text[Link.TextKey]);
        if (Link.Unread is > 0 and var unread)
        {
            var shown = unread > MyMenu.UnreadCountCap
                ? MyMenu.UnreadCountCap.ToString(CultureInfo.CurrentCulture) + "+"
                : unread.ToString(CultureInfo.CurrentCulture);
            output.Content.AppendHtml(" <span class=\"krds-badge bg-point number\" aria-hidden=\"true\">")
                .Append(shown)
                .AppendHtml("</span><span class=\"sr-only\">")
                .Append(text["UnreadCount", shown])
                .AppendHtml("</span>");
        }
    }
}
