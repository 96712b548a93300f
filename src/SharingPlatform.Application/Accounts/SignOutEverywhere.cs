namespace SharingPlatform.Application.Accounts;

/// <summary>"Sign out everywhere": every session of the person ends, this one included (a lost phone, a shared computer).</summary>
public sealed record SignOutEverywhere : ICommand;

public sealed class SignOutEverywhereHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock, ISessionChanges sessions)
    : ICommandHandler<SignOutEverywhere>
{
    public async ValueTask<Unit> Handle(SignOutEverywhere command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        await UserSessions.RevokeAllAsync(db, sessions, userId, clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}

internal static class UserSessions
{
    public static async Task<int> RevokeAllAsync(
        IApplicationDbContext db, ISessionChanges sessions, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        sessions.Changed(userId);
        return revoked;
    }
}
