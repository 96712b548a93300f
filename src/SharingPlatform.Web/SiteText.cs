namespace SharingPlatform.Web;

/// <summary>Marker for the site's texts: Resources/SiteText.resx (Korean) and SiteText.en.resx (English).</summary>
public sealed class SiteText;
