namespace SharingPlatform.Application.Accounts;

/// <summary>
/// A person signs up. They get a confirmation email; an address that already has an account gets a
/// "you already have an account" email instead, so the answer never reveals who is registered.
/// </summary>
public sealed record RegisterResident(string Email, string Password, string DisplayName, Language PreferredLanguage = Language.Korean)
    : ICommand;

public sealed class RegisterResidentValidator : AbstractValidator<RegisterResident>
{
    public RegisterResidentValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().MinimumLength(10).MaximumLength(128);
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(User.DisplayNameMaxLength);
        RuleFor(c => c.PreferredLanguage).IsInEnum();
    }
}

/// <summary>
/// The request checks the input and hashes the password, the same work for every address, and leaves the rest to
/// <see cref="CompleteRegistration"/> after the response: so neither the answer nor its time tells who is registered.
/// </summary>
public sealed class RegisterResidentHandler(UserManager<User> users, IBackgroundCommands background, TimeProvider clock)
    : ICommandHandler<RegisterResident>
{
    public async ValueTask<Unit> Handle(RegisterResident command, CancellationToken cancellationToken)
    {
        var user = User.Register(command.Email, command.DisplayName, command.PreferredLanguage, clock.GetUtcNow());
        foreach (var validator in users.PasswordValidators)
            (await validator.ValidateAsync(users, user, command.Password)).ThrowIfFailed();

        var hash = users.PasswordHasher.HashPassword(user, command.Password);
        background.Enqueue(new CompleteRegistration(command.Email, command.DisplayName, command.PreferredLanguage, hash));
        return Unit.Value;
    }
}

/// <summary>
/// After <see cref="RegisterResident"/>'s response: creates the account (with the password hashed in the request) and
/// mails its confirmation link, or mails the owner of an existing account "you already have an account". Safe to run
/// twice: the second run finds the account and mails its owner.
/// </summary>
public sealed record CompleteRegistration(string Email, string DisplayName, Language PreferredLanguage, string PasswordHash) : ICommand;

public sealed class CompleteRegistrationHandler(
    IApplicationDbContext db, UserManager<User> users, IAppLinks links, TimeProvider clock)
    : ICommandHandler<CompleteRegistration>
{
    public async ValueTask<Unit> Handle(CompleteRegistration command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await users.FindByEmailAsync(command.Email);
        if (existing is not null)
        {
            await TellOwnerAsync(existing, now, cancellationToken);
            return Unit.Value;
        }

        var user = User.Register(command.Email, command.DisplayName, command.PreferredLanguage, now);
        user.PasswordHash = command.PasswordHash;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            // Registered by a concurrent job since the look-up above: mail as for any existing account.
            await transaction.RollbackAsync(cancellationToken);
            await TellOwnerAsync((await users.FindByEmailAsync(command.Email))!, now, cancellationToken);
            return Unit.Value;
        }

        created.ThrowIfFailed();
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var email = AccountEmails.Confirmation(user, links.ConfirmEmail(user.Id, token), now);
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task TellOwnerAsync(User owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notice = AccountEmails.AlreadyRegistered(owner, links.SignIn(), now);
        db.OutgoingEmails.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
    }
}
