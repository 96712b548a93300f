using System.Net;
using System.Text.RegularExpressions;

namespace SharingPlatform.Tests.Support;

/// <summary>What a browser sends when a form is submitted unchanged: every named field with the value the page gave it.</summary>
public static partial class PageForms
{
    /// <summary>The fields of the form of <paramref name="html"/> that holds <paramref name="marker"/> (the first form by default).</summary>
    public static Dictionary<string, string> FieldsOf(string html, string? marker = null)
    {
        var forms = Form().Matches(html).Select(m => m.Value).ToList();
        var form = marker is null ? forms.First(f => f.Contains("__RequestVerificationToken", StringComparison.Ordinal)) : forms.First(f => f.Contains(marker, StringComparison.Ordinal));
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken")
                continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type is "checkbox" or "radio" && !Regex.IsMatch(tag, @"\schecked(=|\s|/|>)"))
                continue;
            if (type == "checkbox" && fields.ContainsKey(name))
                continue;
            fields[name] = Attribute(tag, "value") ?? (type == "checkbox" ? "on" : "");
        }

        foreach (Match area in TextArea().Matches(form))
            fields[WebUtility.HtmlDecode(area.Groups[1].Value)] = WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\r', '\n');
        foreach (Match select in Select().Matches(form))
        {
            var options = Option().Matches(select.Groups[2].Value).ToList();
            var chosen = options.FirstOrDefault(o => o.Groups[0].Value.Contains("selected", StringComparison.Ordinal)) ?? options.FirstOrDefault();
            if (chosen is not null)
                fields[WebUtility.HtmlDecode(select.Groups[1].Value)] = WebUtility.HtmlDecode(chosen.Groups[1].Value);
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex Form();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>([\\s\\S]*?)</textarea>")]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>([\\s\\S]*?)</select>")]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*value=\"([^\"]*)\"[^>]*>")]
    private static partial Regex Option();
}
