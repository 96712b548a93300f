using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Application.Favourites;

/// <summary>The signed-in person takes something out of their favourites; 404 when it is not in them.</summary>
public sealed record RemoveFavourite(FavouriteSubject Type, Guid Id) : ICommand;

public sealed class RemoveFavouriteValidator : AbstractValidator<RemoveFavourite>
{
    public RemoveFavouriteValidator() => RuleFor(c => c.Type).IsInEnum();
}

public sealed class RemoveFavouriteHandler(IApplicationDbContext db, ICurrentUser currentUser) : ICommandHandler<RemoveFavourite>
{
    public async ValueTask<Unit> Handle(RemoveFavourite command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var removed = await db.Favourites
            .Where(f => f.UserId == userId && f.SubjectType == command.Type && f.SubjectId == command.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
            throw FavouriteSubjects.NotSaved();
        return Unit.Value;
    }
}
