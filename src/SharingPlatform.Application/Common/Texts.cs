using System.Globalization;

namespace SharingPlatform.Application.Common;

/// <summary>Picks the Korean or English text for the current UI culture (Korean by default).</summary>
public static class Texts
{
    public static string Pick(string korean, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : korean;
}
