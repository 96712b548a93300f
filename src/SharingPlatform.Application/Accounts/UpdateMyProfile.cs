namespace SharingPlatform.Application.Accounts;

/// <summary>The person changes their display name and preferred language.</summary>
public sealed record UpdateMyProfile(string DisplayName, Language PreferredLanguage) : ICommand;

public sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfile>
{
    public UpdateMyProfileValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(User.DisplayNameMaxLength);
        RuleFor(c => c.PreferredLanguage).IsInEnum();
    }
}

public sealed class UpdateMyProfileHandler(IApplicationDbContext db, ICurrentUser currentUser) : ICommandHandler<UpdateMyProfile>
{
    public async ValueTask<Unit> Handle(UpdateMyProfile command, CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotSignedInException();
        user.Rename(command.DisplayName);
        user.PreferLanguage(command.PreferredLanguage);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
