using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Moderation;

/// <summary>An administrator lifts a suspension: the person can sign in again (what was cancelled stays cancelled). 409 <c>user_not_suspended</c>.</summary>
public sealed record RestoreUser(Guid Id, string? Reason) : ICommand, IModerationDecision;

public sealed class RestoreUserValidator() : ModerationDecisionValidator<RestoreUser>(reasonRequired: false);

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
        db.AuditEntries.Add(AuditEntry.Record(adminId, AuditActions.UserRestore, "user", user.Id, reason, now, UserStates.Suspended, UserStates.Active));
        notifier.Notify(await notifier.PeopleAsync([user.Id], cancellationToken), NotificationKind.AccountRestored, user.Id, now, language => new NoticeText(Texts.Get(language, "Notice_AccountRestored_Title"),
            Texts.Get(language, "Notice_AccountRestored_Body", NoticeText.Reasoned(language, reason))),
            "/Account/Login", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
