namespace SharingPlatform.Web.Pages;

/// <summary>
/// KRDS's font, Pretendard GOV, is about 140 KB for the site's own words alone. On a phone's first visit it would stand
/// between the page and its first paint, and its arrival would make the browser lay the page out again. So the first
/// page a browser opens is drawn in the system's Korean font (Pretendard's Hangul comes from the same Source Han Sans
/// that Android shows), and two seconds after that page has loaded site.js fetches the font's stylesheet and the site's
/// two files and sets this cookie. From the next page on the stylesheet is linked and the files come from the browser's cache: nginx
/// keeps static files for seven days, as long as the cookie lives.
/// </summary>
public static class SiteFont
{
    public const string CookieName = "sp.font";

    public const string Stylesheet = "~/lib/pretendard-gov/pretendard-gov.css";

    public static bool IsCached(HttpRequest request) => request.Cookies.ContainsKey(CookieName);
}
