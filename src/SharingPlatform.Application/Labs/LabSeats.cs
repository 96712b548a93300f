namespace SharingPlatform.Application.Labs;

/// <summary>
/// The seats of a slot, counted by the database in <c>lab_slots</c>, and the only place that takes or gives one back: a
/// session is booked with a seat taken by an atomic UPDATE that only succeeds while seats are left (racing requests
/// queue on the row and each sees the count the one before left), and cancelling a session or marking it a no-show
/// gives its seat back, all in the caller's transaction.
/// </summary>
public static class LabSeats
{
    /// <summary>Books a session (added, not saved) with its seat taken; 409 <c>slot_full</c> when none is left.</summary>
    public static async Task<LabBooking> BookAsync(
        this IApplicationDbContext db, Lab lab, LabSlot slot, Guid bookerId, IEnumerable<Guid> equipmentIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TakeAsync(db, lab, slot, cancellationToken);
        var booking = LabBooking.Book(lab, slot, bookerId, equipmentIds, now);
        db.LabBookings.Add(booking);
        return booking;
    }

    public static async Task CancelAsync(
        this IApplicationDbContext db, LabBooking booking, Guid by, bool byManager, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        booking.Cancel(by, byManager, reason, now);
        await ReleaseAsync(db, booking, cancellationToken);
    }

    public static async Task MarkNoShowAsync(this IApplicationDbContext db, LabBooking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        booking.MarkNoShow(now);
        await ReleaseAsync(db, booking, cancellationToken);
    }

    private static async Task TakeAsync(IApplicationDbContext db, Lab lab, LabSlot slot, CancellationToken cancellationToken)
    {
        var startsAt = slot.StartsAt.ToUniversalTime();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO lab_slots (lab_id, starts_at, seats, seats_taken) VALUES ({lab.Id}, {startsAt}, {lab.SeatsPerSlot}, 0)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        var taken = await db.Database.SqlQuery<int>($"""
            UPDATE lab_slots SET seats = {lab.SeatsPerSlot}, seats_taken = seats_taken + 1
            WHERE lab_id = {lab.Id} AND starts_at = {startsAt} AND seats_taken < {lab.SeatsPerSlot}
            RETURNING seats_taken AS "Value"
            """).ToListAsync(cancellationToken);
        if (taken.Count == 0)
            throw LabConflicts.SlotFull();
    }

    private static async Task ReleaseAsync(IApplicationDbContext db, LabBooking booking, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE lab_slots SET seats_taken = seats_taken - 1
            WHERE lab_id = {booking.LabId} AND starts_at = {booking.SlotStartsAt.ToUniversalTime()} AND seats_taken > 0
            """, cancellationToken);
}
