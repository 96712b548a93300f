namespace SharingPlatform.Application.Accounts;

/// <summary>The person chooses a new password from the link in their reset email.</summary>
public sealed record ResetPassword(string Email, string Code, string NewPassword) : ICommand;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.NewPassword).NotEmpty().MinimumLength(10).MaximumLength(128);
    }
}

public sealed class ResetPasswordHandler(UserManager<User> users) : ICommandHandler<ResetPassword>
{
    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email);
        var token = AccountLinks.Decode(command.Code);
        if (user is null || token is null)
            throw new ValidationException([new ValidationFailure("code", users.ErrorDescriber.InvalidToken().Description)]);

        (await users.ResetPasswordAsync(user, token, command.NewPassword)).ThrowIfFailed();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Unit.Value;
    }
}
