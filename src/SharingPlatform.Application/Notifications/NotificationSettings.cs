namespace SharingPlatform.Application.Notifications;

/// <summary>For each kind of notification, whether the signed-in person also gets it by email (every kind lands in the inbox).</summary>
public sealed record GetNotificationSettings : IQuery<NotificationSettings>;

public sealed record NotificationSettings(IReadOnlyList<EmailSetting> Emails);

public sealed record EmailSetting(NotificationKind Kind, bool Email);

/// <summary>The signed-in person chooses the kinds of notification they get only in the inbox, without email.</summary>
public sealed record ChooseNotificationEmails(IReadOnlyList<NotificationKind> EmailsOff) : ICommand<NotificationSettings>;

public sealed class ChooseNotificationEmailsValidator : AbstractValidator<ChooseNotificationEmails>
{
    public ChooseNotificationEmailsValidator()
    {
        RuleFor(c => c.EmailsOff).NotNull();
        RuleForEach(c => c.EmailsOff).IsInEnum();
    }
}

public sealed class GetNotificationSettingsHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetNotificationSettings, NotificationSettings>
{
    public async ValueTask<NotificationSettings> Handle(GetNotificationSettings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var off = await db.Users.Where(u => u.Id == userId).Select(u => u.EmailsOff).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotSignedInException();
        return NotificationSettingsOf.From(off);
    }
}

public sealed class ChooseNotificationEmailsHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : ICommandHandler<ChooseNotificationEmails, NotificationSettings>
{
    public async ValueTask<NotificationSettings> Handle(ChooseNotificationEmails command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotSignedInException();
        user.TurnEmailsOff(command.EmailsOff);
        await db.SaveChangesAsync(cancellationToken);
        return NotificationSettingsOf.From(user.EmailsOff);
    }
}

internal static class NotificationSettingsOf
{
    public static NotificationSettings From(IReadOnlyCollection<NotificationKind> off) =>
        new(Enum.GetValues<NotificationKind>().Select(k => new EmailSetting(k, !off.Contains(k))).ToList());
}
