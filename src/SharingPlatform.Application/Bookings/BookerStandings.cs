using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Bookings;

public static class BookerStandings
{
    /// <summary>The booker's standing, and the booker as the one a confirmed booking's notice goes to.</summary>
    public sealed record Locked(BookerStanding Standing, Recipient Booker);

    private sealed record Booker(
        DateTimeOffset? PausedUntil, string DisplayName, bool Suspended, int Active, string Email, string PreferredLanguage, string[] EmailsOff);

    /// <summary>
    /// Within the caller's transaction, locks the booker's row (so one person's racing requests are counted one after the
    /// other, and the per-person cap holds) and then reads their standing for the resource: active bookings (pending or
    /// confirmed and not yet ended; a weekly series counts once) and a no-show pause. A suspension committed before the
    /// lock was granted refuses the booking (401, as the next request would be); one that comes after waits for the lock
    /// and then cancels it. All of it happens in the database function <c>lock_booker_standing</c> (migrations
    /// LockBookerStanding, BookerSuspendedInStanding, BookerRecipientInStanding), in one round trip, which also reads what
    /// a notice to the booker needs (address, language, the emails they turned off): the count is a statement
    /// of its own there, because under READ COMMITTED a statement sees what was committed when it began, and a count in
    /// the locking statement would miss the booking of the request that held the lock.
    /// </summary>
    public static async Task<Locked> LockStandingAsync(
        this IApplicationDbContext db, Guid bookerId, Guid resourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booker = await db.Database.SqlQuery<Booker>($"""
            SELECT paused_until, display_name, suspended, active, email, preferred_language, emails_off
            FROM lock_booker_standing({bookerId}, {resourceId}, {now.ToUniversalTime()})
            """).SingleAsync(cancellationToken);
        if (booker.Suspended)
            throw new NotSignedInException();
        return new Locked(
            new BookerStanding(booker.Active, booker.PausedUntil),
            new Recipient(bookerId, booker.Email, booker.DisplayName, Enum.Parse<Language>(booker.PreferredLanguage),
                [.. booker.EmailsOff.Select(Enum.Parse<NotificationKind>)]));
    }
}
