using System.Resources;

namespace SharingPlatform.Application.Common;

/// <summary>
/// The sentences of the application, from Resources/Messages.resx (Korean) and Messages.en.resx (English): in the
/// current UI culture, or in a recipient's language. A key that is not there throws; nothing falls back silently.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Messages = new("SharingPlatform.Application.Resources.Messages", typeof(Texts).Assembly);
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whether the current UI culture is English (else Korean, the default).</summary>
    public static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text of <paramref name="key"/> in the current UI culture (Korean by default), formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args) =>
        Format(Lookup(key, InEnglish ? CultureInfo.GetCultureInfo("en") : CultureInfo.InvariantCulture), CultureInfo.CurrentCulture, args);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with that language's culture.</summary>
    public static string Get(Language language, string key, params object?[] args) => language == Language.English
        ? Format(Lookup(key, CultureInfo.GetCultureInfo("en")), English, args)
        : Format(Lookup(key, CultureInfo.InvariantCulture), Korean, args);

    /// <summary>A municipality's name in the current UI culture; an unknown code as it is.</summary>
    public static string MunicipalityName(string code) => Municipality.IsKnown(code) ? Get($"Municipality_{code}") : code;

    private static string Lookup(string key, CultureInfo resources) =>
        Messages.GetString(key, resources) ?? throw new InvalidOperationException($"No text has the key '{key}' in Resources/Messages.resx.");

    private static string Format(string text, CultureInfo culture, object?[] args) =>
        args.Length == 0 ? text : string.Format(culture, text, args);
}
