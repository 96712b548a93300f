using Mediator;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Audit;
using SharingPlatform.Domain.Notifications;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Administration;

/// <summary>An administrator lifts a suspension: the person can sign in again (what was cancelled stays cancelled). 409 <c>user_not_suspended</c>.</summary>
public sealed record RestoreUser(Guid Id, string? Reason) : ICommand, IAdminDecision;

public sealed class RestoreUserValidator() : AdminDecisionValidator<RestoreUser>(reasonRequired: false);

public sealed class RestoreUserHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock) : ICommandHandler<RestoreUser>
{
    public async ValueTask<Unit> Handle(RestoreUser command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.LockUserAsync(command.Id, cancellationToken);
        user.Restore(now);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        db.AuditEntries.Add(AuditEntry.Record(adminId, "user.restore", "user", user.Id, reason, now, UserStates.Suspended, UserStates.Active));
        notifier.Notify(await notifier.PeopleAsync([user.Id], cancellationToken), NotificationKind.AccountRestored, user.Id, now, language => language == Language.English
            ? new NoticeText("Your account is active again", $"An administrator lifted the suspension of your SharingPlatform account: you can sign in again.{NoticeText.Reasoned(language, reason)}")
            : new NoticeText("계정 이용 재개", $"관리자가 공유플랫폼 계정의 이용 정지를 해제했습니다. 다시 로그인할 수 있습니다.{NoticeText.Reasoned(language, reason)}"),
            "/Account/Login", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
