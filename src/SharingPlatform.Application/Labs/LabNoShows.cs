using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Labs;

namespace SharingPlatform.Application.Labs;

public static class LabNoShows
{
    /// <summary>A person's no-shows since <paramref name="from"/>: bookings and lab sessions count together towards a pause.</summary>
    public static async Task<int> CountNoShowsAsync(this IApplicationDbContext db, Guid bookerId, DateTimeOffset from, CancellationToken cancellationToken) =>
        await db.Bookings.CountAsync(b => b.BookerId == bookerId && b.Status == BookingStatus.NoShow && b.StartsAt >= from, cancellationToken)
        + await db.LabBookings.CountAsync(b => b.BookerId == bookerId && b.Status == LabBookingStatus.NoShow && b.SlotStartsAt >= from, cancellationToken);
}
