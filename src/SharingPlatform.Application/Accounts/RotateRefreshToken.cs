using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Accounts;

/// <summary>
/// A refresh token of generation <paramref name="Generation"/> of a bearer session is used. Only the newest one works,
/// once: the session moves to the next generation (the caller issues tokens of it), all in one conditional UPDATE, so
/// two uses of one token never both win. An older generation coming back means someone kept a copy: every session of the
/// person ends and they are told. Answers the new generation, or null when refused.
/// </summary>
public sealed record RotateRefreshToken(Guid UserId, Guid SessionId, int Generation) : ICommand<int?>;

public sealed class RotateRefreshTokenHandler(IApplicationDbContext db, Notifier notifier, TimeProvider clock, ISessionChanges sessions)
    : ICommandHandler<RotateRefreshToken, int?>
{
    public async ValueTask<int?> Handle(RotateRefreshToken command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var next = command.Generation + 1;
        var expires = now + UserSession.IdleLifetime;
        var rotated = await db.UserSessions
            .Where(s => s.Id == command.SessionId && s.UserId == command.UserId && s.RevokedAt == null && s.ExpiresAt > now
                && s.RefreshGeneration == command.Generation)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.RefreshGeneration, next)
                .SetProperty(x => x.LastSeenAt, now)
                .SetProperty(x => x.ExpiresAt, expires), cancellationToken);
        if (rotated == 1)
            return next;

        var reused = await db.UserSessions.AnyAsync(s => s.Id == command.SessionId && s.UserId == command.UserId
            && s.RevokedAt == null && s.RefreshGeneration > command.Generation, cancellationToken);
        if (!reused)
            return null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UserSessions.RevokeAllAsync(db, sessions, command.UserId, now, cancellationToken);
        notifier.Notify(await notifier.PeopleAsync([command.UserId], cancellationToken), NotificationKind.SignInTokenReused, command.SessionId, now,
            language => new NoticeText(Texts.Get(language, "Notice_SignInTokenReused_Title"),
                    Texts.Get(language, "Notice_SignInTokenReused_Body")),
            "/Account/Manage", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
