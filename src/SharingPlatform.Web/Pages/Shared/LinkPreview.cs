namespace SharingPlatform.Web.Pages.Shared;

/// <summary>
/// What a link to a public page shows where it is shared (KakaoTalk, social sites): the page sets it in
/// <c>ViewData[LinkPreview.Key]</c>; the layout writes it as Open Graph and Twitter card tags.
/// </summary>
public sealed record LinkPreview(string Title, string? Description, string? ImagePath = null)
{
    public const string Key = "LinkPreview";

    /// <summary>About two lines of the description: previews cut longer text anyway.</summary>
    public const int DescriptionLength = 160;

    public string? ShortDescription => Shorten(Description);

    public static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= DescriptionLength ? flat : flat[..(DescriptionLength - 1)].TrimEnd() + "…";
    }
}
