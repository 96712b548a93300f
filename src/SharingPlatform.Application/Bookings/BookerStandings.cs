using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Bookings;

namespace SharingPlatform.Application.Bookings;

public static class BookerStandings
{
    public sealed record Locked(BookerStanding Standing, string DisplayName);

    private sealed record Booker(DateTimeOffset? PausedUntil, string DisplayName);

    /// <summary>
    /// Within the caller's transaction, locks the booker's row (so one person's racing requests are counted one after the
    /// other, and the per-person cap holds) and then reads their standing for the resource: active bookings (a weekly
    /// series counts once) and a no-show pause. The count is its own statement on purpose: under READ COMMITTED a
    /// statement sees what was committed when it began, so a count in the locking statement would miss the booking of
    /// the request that held the lock.
    /// </summary>
    public static async Task<Locked> LockStandingAsync(
        this IApplicationDbContext db, Guid bookerId, Guid resourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booker = await db.Database.SqlQuery<Booker>($"""
            SELECT booking_paused_until AS paused_until, display_name FROM users WHERE id = {bookerId} FOR UPDATE
            """).SingleAsync(cancellationToken);
        var active = await db.Bookings
            .Where(b => b.ResourceId == resourceId && b.BookerId == bookerId
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.EndsAt > now)
            .Select(b => b.SeriesId ?? b.Id)
            .Distinct()
            .CountAsync(cancellationToken);
        return new Locked(new BookerStanding(active, booker.PausedUntil), booker.DisplayName);
    }
}
