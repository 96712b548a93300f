namespace SharingPlatform.Infrastructure;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The site's public address, for links in emails (e.g. https://sharing.jeonbuk.go.kr).</summary>
    [Required]
    public Uri? BaseUrl { get; set; }
}
