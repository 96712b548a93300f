using SharingPlatform.Application.Bookings;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// What the platform does to loans as days pass (with the bookings' recurring job, every minute): a loan still out after
/// its return day becomes overdue, and counts with no-shows toward a person's booking pause; while overdue, its units
/// still out are held a day ahead, each day, so that no loan is promised them, and loans promised before on those days
/// are warned. Safe to run twice and on two servers at once: each batch locks its rows with <c>FOR UPDATE SKIP LOCKED</c>
/// and the domain moves and holds each loan once.
/// </summary>
public sealed record SettleLoans : ICommand<SettledLoans>;

public sealed record SettledLoans(int Overdue, int PausesStarted);

public sealed class SettleLoansHandler(IApplicationDbContext db, BookingNotices bookingNotices, LoanNotices notices, TimeProvider clock) : ICommandHandler<SettleLoans, SettledLoans>
{
    private const int BatchSize = 200;

    public async ValueTask<SettledLoans> Handle(SettleLoans command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = SeoulTime.DateOf(now);
        int overdue = 0, pauses = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Loans.FromSql($"""
                SELECT *, xmin FROM loans
                WHERE (status = 'Out' AND return_on < {today}) OR (status = 'Overdue' AND coalesce(held_through, return_on) <= {today})
                ORDER BY return_on
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (due.Count == 0)
                return new SettledLoans(overdue, pauses);

            foreach (var loan in due)
            {
                if (loan.Status == LoanStatus.Out)
                {
                    loan.MarkOverdue(now);
                    overdue++;
                }

                var atRisk = await db.HoldLateAsync(loan, today.AddDays(1), cancellationToken);
                if (atRisk.Count > 0)
                {
                    var title = await db.Resources.Where(r => r.Id == loan.ResourceId).Select(r => r.Title).SingleAsync(cancellationToken);
                    await notices.UnitsOutOfServiceAsync(atRisk, title, now, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var borrowerId in due.Select(l => l.BorrowerId).Distinct())
            {
                if (await db.PauseIfDueAsync(bookingNotices, borrowerId, now, cancellationToken))
                    pauses++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
