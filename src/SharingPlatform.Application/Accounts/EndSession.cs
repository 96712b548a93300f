namespace SharingPlatform.Application.Accounts;

/// <summary>Signing out: the current session ends on the server, so its cookie or tokens are refused from now on.</summary>
public sealed record EndSession(Guid SessionId) : ICommand;

public sealed class EndSessionHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock, ISessionChanges sessions)
    : ICommandHandler<EndSession>
{
    public async ValueTask<Unit> Handle(EndSession command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.Id == command.SessionId && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        sessions.Changed(userId);
        return Unit.Value;
    }
}
