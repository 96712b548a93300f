using SharingPlatform.Application.Bookings;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// What the platform does to lab sessions as time passes (run by the bookings' recurring job, every minute): a session
/// not checked in 15 minutes after its slot starts is a no-show and frees its seat and equipment; the no-show counts with
/// booking no-shows towards the 3-in-90-days pause. Safe to run twice and on two servers at once (<c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
public sealed record SettleLabSessions : ICommand<SettledLabSessions>;

public sealed record SettledLabSessions(int NoShows, int PausesStarted);

public sealed class SettleLabSessionsHandler(IApplicationDbContext db, LabNotices notices, BookingNotices bookingNotices, TimeProvider clock)
    : ICommandHandler<SettleLabSessions, SettledLabSessions>
{
    private const int BatchSize = 200;

    public async ValueTask<SettledLabSessions> Handle(SettleLabSessions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var noShowBefore = now - LabBooking.CheckInWindow;
        int noShows = 0, pauses = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.LabBookings.FromSql($"""
                SELECT *, xmin FROM lab_bookings
                WHERE status = 'Booked' AND slot_starts_at <= {noShowBefore}
                ORDER BY slot_starts_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).Include(b => b.Equipment).ToListAsync(cancellationToken);
            if (due.Count == 0)
                return new SettledLabSessions(noShows, pauses);

            var labIds = due.Select(b => b.LabId).Distinct().ToList();
            var labs = await db.Labs.AsNoTracking().Where(l => labIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
            foreach (var booking in due)
            {
                await db.MarkNoShowAsync(booking, now, cancellationToken);
                await notices.NoShowAsync(booking, labs[booking.LabId], now, cancellationToken);
                noShows++;
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var bookerId in due.Select(b => b.BookerId).Distinct())
            {
                if (await db.PauseIfDueAsync(bookingNotices, bookerId, now, cancellationToken))
                    pauses++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
