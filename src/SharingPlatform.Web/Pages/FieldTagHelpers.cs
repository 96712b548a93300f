using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SharingPlatform.Web.Pages;

internal static class FieldIds
{
    public static string FullName(ViewContext view, string expression) =>
        view.ViewData.TemplateInfo.GetFullHtmlFieldName(expression);

    /// <summary>The id the form tag helpers give the input of <paramref name="fullName"/> (<c>Input.Email</c> → <c>Input_Email</c>).</summary>
    public static string Id(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static string ErrorId(string fullName) => Id(fullName) + "-error";

    public static IReadOnlyList<string> Errors(ViewContext view, string fullName) =>
        view.ViewData.ModelState.TryGetValue(fullName, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct().ToList()
            : [];
}

/// <summary>
/// An input with errors gets <c>aria-invalid="true"</c>, Bootstrap's <c>is-invalid</c>, and its error text first in
/// <c>aria-describedby</c> (before any help text the page names there).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldStateTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's input/select tag helpers.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["type"]?.Value?.ToString() == "hidden")
            return;

        var fullName = FieldIds.FullName(ViewContext, For.Name);
        if (FieldIds.Errors(ViewContext, fullName).Count == 0)
            return;

        output.AddClass("is-invalid", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', new[] { FieldIds.ErrorId(fullName), describedBy }.Where(s => !string.IsNullOrWhiteSpace(s))));
    }
}

/// <summary><c>&lt;field-error for="Input.Email" /&gt;</c>: the field's errors in text, with the id its input points to; nothing when it has none.</summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper(IStringLocalizer<SiteText> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = FieldIds.FullName(ViewContext, For.Name);
        var errors = FieldIds.Errors(ViewContext, fullName);
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", FieldIds.ErrorId(fullName));
        output.AddClass("invalid-feedback", HtmlEncoder.Default);
        output.AddClass("d-block", HtmlEncoder.Default);
        var content = new HtmlContentBuilder();
        foreach (var error in errors)
        {
            content.AppendHtml("<span class=\"d-block\"><span class=\"visually-hidden\">");
            content.Append(localizer["ErrorPrefix"]);
            content.AppendHtml(" </span>");
            content.Append(error);
            content.AppendHtml("</span>");
        }
        output.Content.SetHtmlContent(content);
    }
}
