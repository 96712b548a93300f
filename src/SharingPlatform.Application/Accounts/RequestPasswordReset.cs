namespace SharingPlatform.Application.Accounts;

/// <summary>"Forgot password": mails a reset link to a confirmed account; says nothing about who is registered.</summary>
public sealed record RequestPasswordReset(string Email) : ICommand;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
}

/// <summary>The request only leaves the work to <see cref="MailPasswordReset"/>: the same for every address, in the same time.</summary>
public sealed class RequestPasswordResetHandler(IBackgroundCommands background) : ICommandHandler<RequestPasswordReset>
{
    public ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        background.Enqueue(new MailPasswordReset(command.Email));
        return ValueTask.FromResult(Unit.Value);
    }
}

/// <summary>After <see cref="RequestPasswordReset"/>'s response: mails the reset link if the address has an account that needs one.</summary>
public sealed record MailPasswordReset(string Email) : ICommand;

public sealed class MailPasswordResetHandler(
    IApplicationDbContext db, UserManager<User> users, IAppLinks links, TimeProvider clock)
    : ICommandHandler<MailPasswordReset>
{
    public async ValueTask<Unit> Handle(MailPasswordReset command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email);
        if (user is null || !user.EmailConfirmed)
            return Unit.Value;

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var email = AccountEmails.PasswordReset(user, links.ResetPassword(user.Email!, token), clock.GetUtcNow());
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
