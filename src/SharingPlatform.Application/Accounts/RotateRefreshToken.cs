using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Accounts;

/// <summary>
/// A refresh token of generation <paramref name="Generation"/> of a bearer session is used. Only the newest one works,
/// once: the session moves to the next generation (the caller issues tokens of it), all in one conditional UPDATE, so
/// two uses of one token never both win. An older generation coming back means someone kept a copy: every session of the
/// person ends and they are told. Answers the new generation, or null when refused.
/// </summary>
public sealed record RotateRefreshToken(Guid UserId, Guid SessionId, int Generation) : ICommand<int?>;

public sealed class RotateRefreshTokenHandler(IApplicationDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<RotateRefreshToken, int?>
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
        await UserSessions.RevokeAllAsync(db, command.UserId, now, cancellationToken);
        notifier.Notify(await notifier.PeopleAsync([command.UserId], cancellationToken), NotificationKind.SignInTokenReused, command.SessionId, now,
            language => language == Language.English
                ? new NoticeText("You were signed out everywhere",
                    "An old sign-in token of your account was used again, which happens when someone copied it. To be safe, every session of your account has ended: sign in again, and change your password if you did not expect this.")
                : new NoticeText("모든 기기에서 로그아웃되었습니다",
                    "이미 사용된 로그인 토큰이 다시 쓰였습니다. 누군가 토큰을 복사했을 때 생기는 일입니다. 안전을 위해 계정의 모든 로그인을 끝냈습니다. 다시 로그인하고, 짐작 가는 일이 없다면 비밀번호를 바꾸세요."),
            "/Account/Manage", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
