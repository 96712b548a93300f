using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Bookings;

namespace SharingPlatform.Application.Bookings;

public static class BookerStandings
{
    /// <summary>
    /// Within the caller's transaction, locks the booker's row (so one person's racing requests are counted one after the
    /// other, and the per-person cap holds) and reads their standing for the resource: active bookings (a weekly series
    /// counts once) and a no-show pause.
    /// </summary>
    public static async Task<BookerStanding> LockStandingAsync(
        this IApplicationDbContext db, Guid bookerId, Guid resourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pausedUntil = await db.Database
            .SqlQuery<DateTimeOffset?>($"SELECT booking_paused_until AS \"Value\" FROM users WHERE id = {bookerId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        var active = await db.Bookings
            .Where(b => b.ResourceId == resourceId && b.BookerId == bookerId
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.EndsAt > now)
            .Select(b => b.SeriesId ?? b.Id)
            .Distinct()
            .CountAsync(cancellationToken);
        return new BookerStanding(active, pausedUntil);
    }
}
