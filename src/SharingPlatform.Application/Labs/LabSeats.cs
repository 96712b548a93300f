using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Labs;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// The seats of a slot, counted by the database in <c>lab_slots</c>: a seat is taken by an atomic UPDATE that only
/// succeeds while seats are left (racing requests queue on the row and each sees the count the one before left), and
/// released in the transaction that cancels the session or marks it a no-show.
/// </summary>
public static class LabSeats
{
    /// <summary>Takes a seat in the caller's transaction; 409 <c>slot_full</c> when none is left.</summary>
    public static async Task TakeAsync(this IApplicationDbContext db, Lab lab, LabSlot slot, CancellationToken cancellationToken)
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

    /// <summary>Gives the seat of a session back, in the caller's transaction.</summary>
    public static Task ReleaseAsync(this IApplicationDbContext db, LabBooking booking, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE lab_slots SET seats_taken = seats_taken - 1
            WHERE lab_id = {booking.LabId} AND starts_at = {booking.SlotStartsAt.ToUniversalTime()} AND seats_taken > 0
            """, cancellationToken);
}
