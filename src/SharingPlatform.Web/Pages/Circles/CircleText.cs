using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Web.Pages.Circles;

/// <summary>How the circle and meeting pages put things into words in the page's language.</summary>
public static class CircleText
{
    /// <summary>"2026-12-05 (Sat) 14:00–16:00", as a booking's time is written.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end) => BookingText.Period(start, end);

    /// <summary>"going", "waitlist position 1" or nothing: the caller's answer written out, never a colour alone.</summary>
    public static string? Answer(this IStringLocalizer localizer, RsvpAnswer? answer) => answer switch
    {
        { Status: RsvpStatus.Going } => localizer["RsvpGoing"].Value,
        { Status: RsvpStatus.Waitlisted, Position: { } position } => localizer["WaitlistPosition", position].Value,
        _ => null,
    };
}
