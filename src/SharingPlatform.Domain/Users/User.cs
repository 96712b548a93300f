using Microsoft.AspNetCore.Identity;
using SharingPlatform.Domain.Notifications;

namespace SharingPlatform.Domain.Users;

/// <summary>A person with an account: a resident, an organization's staff, an administrator.</summary>
public sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 50;

    private User()
    {
    }

    public string DisplayName { get; private set; } = "";
    public Language PreferredLanguage { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Until when the person may not book, after <see cref="NoShowsBeforePause"/> no-shows within <see cref="NoShowWindow"/>.</summary>
    public DateTimeOffset? BookingPausedUntil { get; private set; }

    /// <summary>No-shows of bookings that started before this (a pause began or was lifted) no longer count towards a pause.</summary>
    public DateTimeOffset? NoShowsCountedFrom { get; private set; }

    /// <summary>The secret of the person's iCalendar feed link; a new one makes the old link stop working.</summary>
    public string? CalendarToken { get; private set; }

    /// <summary>Since when an administrator has suspended the account: the person cannot sign in, and is signed out everywhere.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>The kinds of notification the person reads only in the inbox, without an email.</summary>
    public List<NotificationKind> EmailsOff { get; private set; } = [];

    public const int NoShowsBeforePause = 3;
    public static readonly TimeSpan NoShowWindow = TimeSpan.FromDays(90);
    public static readonly TimeSpan PauseLength = TimeSpan.FromDays(30);

    public static User Register(string email, string displayName, Language preferredLanguage, DateTimeOffset now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            Email = email.Trim(),
            UserName = email.Trim(),
            RegisteredAt = now.ToUniversalTime(),
        };
        user.Rename(displayName);
        user.PreferredLanguage = preferredLanguage;
        return user;
    }

    public void Rename(string displayName)
    {
        var trimmed = displayName.Trim();
        if (trimmed.Length == 0 || trimmed.Length > DisplayNameMaxLength)
            throw new DomainRuleException("invalid_display_name", $"A display name has 1 to {DisplayNameMaxLength} characters.", DisplayNameMaxLength);
        DisplayName = trimmed;
    }

    public void PreferLanguage(Language language) => PreferredLanguage = language;

    public bool WantsEmail(NotificationKind kind) => !EmailsOff.Contains(kind);

    public void TurnEmailsOff(IEnumerable<NotificationKind> kinds) => EmailsOff = kinds.Distinct().Order().ToList();

    public bool IsBookingPaused(DateTimeOffset now) => BookingPausedUntil > now;

    /// <summary>No-shows of bookings starting from this instant count towards a pause: the last 90 days, since the last pause or lift.</summary>
    public DateTimeOffset NoShowsCountFrom(DateTimeOffset now)
    {
        var windowStart = now - NoShowWindow;
        return NoShowsCountedFrom is { } from && from > windowStart ? from : windowStart;
    }

    /// <summary>
    /// Pauses booking for <see cref="PauseLength"/> when the no-shows counted since <see cref="NoShowsCountFrom"/> reach
    /// <see cref="NoShowsBeforePause"/>; those no-shows are then spent. Answers whether a pause started.
    /// </summary>
    public bool PauseBookingIfDue(int countedNoShows, DateTimeOffset now)
    {
        if (IsBookingPaused(now) || countedNoShows < NoShowsBeforePause)
            return false;
        BookingPausedUntil = (now + PauseLength).ToUniversalTime();
        NoShowsCountedFrom = now.ToUniversalTime();
        return true;
    }

    /// <summary>An administrator lifts a pause; earlier no-shows no longer count.</summary>
    public void LiftBookingPause(DateTimeOffset now)
    {
        if (!IsBookingPaused(now))
            throw new IllegalTransitionException("booking_not_paused", "This person's booking is not paused.");
        BookingPausedUntil = null;
        NoShowsCountedFrom = now.ToUniversalTime();
    }

    /// <summary>An administrator suspends the account, saying why; a new security stamp ends every token and cookie it had.</summary>
    public void Suspend(string? reason, DateTimeOffset now)
    {
        if (IsSuspended)
            throw new IllegalTransitionException("user_already_suspended", "This account is already suspended.");
        SuspensionReason = Reason.Require(reason);
        SuspendedAt = now.ToUniversalTime();
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    public void Restore(DateTimeOffset now)
    {
        if (!IsSuspended)
            throw new IllegalTransitionException("user_not_suspended", "This account is not suspended.");
        SuspendedAt = null;
        SuspensionReason = null;
    }

    public string RegenerateCalendarToken()
    {
        CalendarToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))
            .Replace('+', '-').Replace('/', '_');
        return CalendarToken;
    }
}
