namespace SharingPlatform.Domain.Users;

/// <summary>The languages the platform speaks; Korean first.</summary>
public enum Language
{
    Korean = 0,
    English = 1,
}

/// <summary>Each language's culture name, in one table: a further language is a row here and its resource files.</summary>
public static class LanguageCodes
{
    private static readonly Dictionary<Language, string> CultureNames = new()
    {
        [Language.Korean] = "ko",
        [Language.English] = "en",
    };

    public static string ToCultureName(this Language language) => CultureNames.GetValueOrDefault(language, "ko");

    /// <summary>The language of a culture name ("en-GB" → English); Korean for any other.</summary>
    public static Language FromCultureName(string? culture) =>
        CultureNames.FirstOrDefault(c => culture is not null && culture.StartsWith(c.Value, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : Language.Korean;
}
