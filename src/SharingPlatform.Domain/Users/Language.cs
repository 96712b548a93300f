namespace SharingPlatform.Domain.Users;

/// <summary>The languages the platform speaks; Korean first.</summary>
public enum Language
{
    Korean = 0,
    English = 1,
}

public static class LanguageCodes
{
    public static string ToCultureName(this Language language) => language == Language.English ? "en" : "ko";

    public static Language FromCultureName(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Korean;
}
