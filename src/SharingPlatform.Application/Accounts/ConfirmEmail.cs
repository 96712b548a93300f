namespace SharingPlatform.Application.Accounts;

/// <summary>The person opens the link from their confirmation email.</summary>
public sealed record ConfirmEmail(Guid UserId, string Code) : ICommand;

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmail>
{
    public ConfirmEmailValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ConfirmEmailHandler(UserManager<User> users) : ICommandHandler<ConfirmEmail>
{
    public async ValueTask<Unit> Handle(ConfirmEmail command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        var token = AccountLinks.Decode(command.Code);
        if (user is null || token is null)
            throw new ValidationException([new ValidationFailure("code", users.ErrorDescriber.InvalidToken().Description)]);
        if (user.EmailConfirmed)
            return Unit.Value;

        (await users.ConfirmEmailAsync(user, token)).ThrowIfFailed();
        return Unit.Value;
    }
}
