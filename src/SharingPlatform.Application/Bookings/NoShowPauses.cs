namespace SharingPlatform.Application.Bookings;

/// <summary>Three no-shows within 90 days, of bookings and lab sessions together (and loans gone overdue), pause a person's booking for 30 days.</summary>
public static class NoShowPauses
{
    /// <summary>
    /// Within the caller's transaction, locks the person's row, counts their no-shows and starts a pause (telling them)
    /// when it is due; true when one started.
    /// </summary>
    public static async Task<bool> PauseIfDueAsync(
        this IApplicationDbContext db, BookingNotices notices, Guid bookerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booker = await db.LockUserAsync(bookerId, cancellationToken);
        var from = booker.NoShowsCountFrom(now);
        var noShows = await db.Bookings.CountAsync(b => b.BookerId == bookerId && b.Status == BookingStatus.NoShow && b.StartsAt >= from, cancellationToken)
            + await db.LabBookings.CountAsync(b => b.BookerId == bookerId && b.Status == LabBookingStatus.NoShow && b.SlotStartsAt >= from, cancellationToken)
            + await db.Loans.CountAsync(l => l.BorrowerId == bookerId && l.History.Any(c => c.Status == LoanStatus.Overdue && c.At >= from), cancellationToken);
        if (!booker.PauseBookingIfDue(noShows, now))
            return false;
        await notices.PausedAsync(booker, now, cancellationToken);
        return true;
    }
}
