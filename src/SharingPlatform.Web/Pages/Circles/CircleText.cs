using Microsoft.Extensions.Localization;
using SharingPlatform.Application.Circles;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Web.Pages.Bookings;

namespace SharingPlatform.Web.Pages.Circles;

/// <summary>How the circle and meeting pages put things into words in the page's language.</summary>
public static class CircleText
{
    /// <summary>"2026-12-05 (토) 14:00–16:00", as a booking's time is written.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end) => BookingText.Period(start, end);

    /// <summary>"going", "waitlist position 1" or nothing: the caller's answer written out, never a colour alone.</summary>
    public static string? Answer(this IStringLocalizer localizer, RsvpAnswer? answer) => answer switch
    {
        { Status: RsvpStatus.Going } => localizer["RsvpGoing"].Value,
        { Status: RsvpStatus.Waitlisted, Position: { } position } => localizer["WaitlistPosition", position].Value,
        _ => null,
    };

    /// <summary>
    /// The pages' localizer, reading a circle's rule as <c>CircleRule_&lt;code&gt;</c> where the code means something else
    /// elsewhere (<c>not_a_member</c> of an organization), and as the site's <c>Rule_&lt;code&gt;</c> otherwise.
    /// </summary>
    public static IStringLocalizer ForCircles(this IStringLocalizer localizer) => new CircleRules(localizer);

    private sealed class CircleRules(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Pick(name, n => inner[n]);

        public LocalizedString this[string name, params object[] arguments] => Pick(name, n => inner[n, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static LocalizedString Pick(string name, Func<string, LocalizedString> find)
        {
            if (name.StartsWith("Rule_", StringComparison.Ordinal) && find("Circle" + name) is { ResourceNotFound: false } circle)
                return circle;
            return find(name);
        }
    }
}
