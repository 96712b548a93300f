namespace SharingPlatform.Application.Common;

/// <summary>A person's standing as the audit log's before and after and the administrators' list show it.</summary>
public static class UserStates
{
    public const string Active = "active";
    public const string Suspended = "suspended";

    /// <summary>
    /// For a booking being made in the caller's transaction, after the person's row is locked (or here, shared): a
    /// suspension committed meanwhile refuses it (401, as the next request would be), and a suspension that comes after
    /// waits for it and then cancels it.
    /// </summary>
    public static async Task RefuseIfSuspendedAsync(this IApplicationDbContext db, Guid userId, bool shareRow, CancellationToken cancellationToken)
    {
        var suspended = shareRow
            ? await db.Database.SqlQuery<bool>($"""SELECT suspended_at IS NOT NULL AS "Value" FROM users WHERE id = {userId} FOR SHARE""").SingleAsync(cancellationToken)
            : await db.Users.AnyAsync(u => u.Id == userId && u.SuspendedAt != null, cancellationToken);
        if (suspended)
            throw new NotSignedInException();
    }
}
