namespace SharingPlatform.Web;

/// <summary>
/// Marker for the API contract's texts (what <c>/openapi/v1.json</c> says of each operation and error):
/// Resources/ApiText.resx (Korean) and ApiText.en.resx (English).
/// </summary>
public sealed class ApiText;
