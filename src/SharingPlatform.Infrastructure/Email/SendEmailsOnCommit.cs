using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// Hands every <see cref="OutgoingEmail"/> a use case writes to <see cref="EmailSendQueue"/> once it is committed: right
/// after SaveChanges when no transaction was open, at the commit of the caller's transaction otherwise, never when it
/// rolls back. A use case only adds the email row; what is committed stays done and the request waits for no enqueue.
/// </summary>
internal sealed class SendEmailsOnCommit(EmailSendQueue queue) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Waiting
    {
        public List<Guid> Saving { get; } = [];
        public List<Guid> Saved { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Waiting> _waiting = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving: true, saved: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: true, saved: false);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Send(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Send(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, saving: true, saved: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: true, saved: true);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context, saving: false, saved: true);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: false, saved: true);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var added = context.ChangeTracker.Entries<OutgoingEmail>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();
        if (added.Count == 0 && !_waiting.TryGetValue(context, out _))
            return;
        var waiting = _waiting.GetOrCreateValue(context);
        waiting.Saving.Clear();
        waiting.Saving.AddRange(added);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_waiting.TryGetValue(context, out var waiting))
            return;
        waiting.Saved.AddRange(waiting.Saving);
        waiting.Saving.Clear();
        if (context.Database.CurrentTransaction is null)
            Send(context);
    }

    private void Send(DbContext? context)
    {
        if (context is null || !_waiting.TryGetValue(context, out var waiting) || waiting.Saved.Count == 0)
            return;
        queue.Add(waiting.Saved);
        waiting.Saved.Clear();
    }

    /// <summary>A failed save drops what it was saving; a rollback drops everything; a new transaction drops what an abandoned one saved.</summary>
    private void Forget(DbContext? context, bool saving, bool saved)
    {
        if (context is null || !_waiting.TryGetValue(context, out var waiting))
            return;
        if (saving)
            waiting.Saving.Clear();
        if (saved)
            waiting.Saved.Clear();
    }
}
