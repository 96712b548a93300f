namespace SharingPlatform.Application.Accounts;

/// <summary>Sends a new confirmation link to an unconfirmed account; says nothing about who is registered.</summary>
public sealed record ResendConfirmation(string Email) : ICommand;

public sealed class ResendConfirmationValidator : AbstractValidator<ResendConfirmation>
{
    public ResendConfirmationValidator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
}

/// <summary>The request only leaves the work to <see cref="MailConfirmation"/>: the same for every address, in the same time.</summary>
public sealed class ResendConfirmationHandler(IBackgroundCommands background) : ICommandHandler<ResendConfirmation>
{
    public ValueTask<Unit> Handle(ResendConfirmation command, CancellationToken cancellationToken)
    {
        background.Enqueue(new MailConfirmation(command.Email));
        return ValueTask.FromResult(Unit.Value);
    }
}

/// <summary>After <see cref="ResendConfirmation"/>'s response: mails the confirmation link if the address has an account that needs one.</summary>
public sealed record MailConfirmation(string Email) : ICommand;

public sealed class MailConfirmationHandler(
    IApplicationDbContext db, UserManager<User> users, IAppLinks links, TimeProvider clock)
    : ICommandHandler<MailConfirmation>
{
    public async ValueTask<Unit> Handle(MailConfirmation command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email);
        if (user is null || user.EmailConfirmed)
            return Unit.Value;

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var email = AccountEmails.Confirmation(user, links.ConfirmEmail(user.Id, token), clock.GetUtcNow());
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
