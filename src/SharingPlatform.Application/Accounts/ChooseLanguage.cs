namespace SharingPlatform.Application.Accounts;

/// <summary>The language switch of a signed-in person: the site and their emails follow it.</summary>
public sealed record ChooseLanguage(Language Language) : ICommand;

public sealed class ChooseLanguageValidator : AbstractValidator<ChooseLanguage>
{
    public ChooseLanguageValidator() => RuleFor(c => c.Language).IsInEnum();
}

public sealed class ChooseLanguageHandler(IApplicationDbContext db, ICurrentUser currentUser) : ICommandHandler<ChooseLanguage>
{
    public async ValueTask<Unit> Handle(ChooseLanguage command, CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotSignedInException();
        user.PreferLanguage(command.Language);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
