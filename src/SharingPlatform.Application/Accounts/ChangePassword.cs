namespace SharingPlatform.Application.Accounts;

/// <summary>The signed-in person replaces their password, giving the current one.</summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty();
        RuleFor(c => c.NewPassword).NotEmpty().MinimumLength(10).MaximumLength(128);
    }
}

public sealed class ChangePasswordHandler(UserManager<User> users, ICurrentUser currentUser) : ICommandHandler<ChangePassword>
{
    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotSignedInException();
        (await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword)).ThrowIfFailed();
        return Unit.Value;
    }
}
