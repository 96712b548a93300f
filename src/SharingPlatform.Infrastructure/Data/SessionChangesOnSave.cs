using Microsoft.EntityFrameworkCore.Diagnostics;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Infrastructure.Data;

/// <summary>
/// Tells <see cref="ISessionChanges"/> about every person whose security stamp or suspension a save changed (a
/// suspension, a new password, a role), once the save is done: this node's kept session checks go at once.
/// </summary>
internal sealed class SessionChangesOnSave(ISessionChanges sessions) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<Guid>> _changing = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Tell(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Tell(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var changing = context.ChangeTracker.Entries<User>()
            .Where(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Modified
                    && (e.Property(u => u.SecurityStamp).IsModified || e.Property(u => u.SuspendedAt).IsModified)))
            .Select(e => e.Entity.Id)
            .ToList();
        if (changing.Count > 0)
            _changing.AddOrUpdate(context, changing);
        else
            _changing.Remove(context);
    }

    private void Tell(DbContext? context)
    {
        if (context is null || !_changing.TryGetValue(context, out var changing))
            return;
        _changing.Remove(context);
        foreach (var userId in changing)
            sessions.Changed(userId);
    }
}
