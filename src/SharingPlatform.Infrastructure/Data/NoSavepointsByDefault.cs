using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharingPlatform.Infrastructure.Data;

/// <summary>
/// In a use case's own transaction, SaveChanges writes no savepoint first (EF Core's default is one before every save
/// and its release after: two round trips more for each). A failed save then ends the transaction, which is what every
/// use case does with it: it throws, and the transaction is rolled back. One that goes on after a failed save (a weekly
/// series that skips weeks taken meanwhile) turns savepoints on for its transaction. The setting returns to EF Core's
/// default when a pooled context is handed out again.
/// </summary>
internal sealed class NoSavepointsByDefault : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        TurnOff(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        TurnOff(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void TurnOff(DbContext? context)
    {
        if (context is not null)
            context.Database.AutoSavepointsEnabled = false;
    }
}
