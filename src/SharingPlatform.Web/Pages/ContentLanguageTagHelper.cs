using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SharingPlatform.Web.Pages;

/// <summary>
/// What people wrote in Korean is marked Korean on a page in another language (<c>lang="ko"</c>), so that a screen
/// reader reads it with a Korean voice: <c>&lt;h1 lang-of="@r.Title"&gt;@r.Title&lt;/h1&gt;</c>.
/// </summary>
[HtmlTargetElement(Attributes = "lang-of")]
public sealed partial class ContentLanguageTagHelper : TagHelper
{
    [HtmlAttributeName("lang-of")]
    public string? Text { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "ko" && Text is not null && Hangul().IsMatch(Text))
            output.Attributes.SetAttribute("lang", "ko");
    }

    [GeneratedRegex(@"[\p{IsHangulSyllables}\p{IsHangulJamo}\p{IsHangulCompatibilityJamo}]", RegexOptions.CultureInvariant)]
    private static partial Regex Hangul();
}
