namespace SharingPlatform.Web;

/// <summary>Marker for the site's texts: Resources/SharedResource.resx (Korean) and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
