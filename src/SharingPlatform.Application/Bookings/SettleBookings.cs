namespace SharingPlatform.Application.Bookings;

/// <summary>
/// What the platform does to bookings as time passes (a recurring job, every minute): a booking that needs check-in and
/// is not checked in 15 minutes after its start is released as a no-show; a booking past its end is completed. A
/// person's third no-show within 90 days pauses their booking for 30 days. Safe to run twice and on two servers at once:
/// each batch locks its rows with <c>FOR UPDATE SKIP LOCKED</c> and the domain moves each booking once.
/// </summary>
public sealed record SettleBookings : ICommand<SettledBookings>;

public sealed record SettledBookings(int NoShows, int Completed, int PausesStarted);

public sealed class SettleBookingsHandler(IApplicationDbContext db, BookingNotices notices, TimeProvider clock) : ICommandHandler<SettleBookings, SettledBookings>
{
    private const int BatchSize = 200;

    public async ValueTask<SettledBookings> Handle(SettleBookings command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var noShowBefore = now - Booking.CheckInWindow;
        int noShows = 0, completed = 0, pauses = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Bookings.FromSql($"""
                SELECT *, xmin FROM bookings
                WHERE status IN ('Confirmed', 'CheckedIn') AND starts_at <= {now}
                  AND ((status = 'Confirmed' AND requires_check_in AND starts_at <= {noShowBefore})
                       OR (ends_at <= {now} AND (status = 'CheckedIn' OR NOT requires_check_in)))
                ORDER BY starts_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (due.Count == 0)
                return new SettledBookings(noShows, completed, pauses);

            var noShowBookers = new HashSet<Guid>();
            foreach (var booking in due)
            {
                if (booking.IsNoShowAt(now))
                {
                    booking.MarkNoShow(now);
                    await notices.NoShowAsync(booking, now, cancellationToken);
                    noShowBookers.Add(booking.BookerId);
                    noShows++;
                }
                else
                {
                    booking.Complete(now);
                    completed++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var bookerId in noShowBookers)
            {
                if (await db.PauseIfDueAsync(notices, bookerId, now, cancellationToken))
                    pauses++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
