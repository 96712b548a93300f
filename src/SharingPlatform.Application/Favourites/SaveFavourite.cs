using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Application.Favourites;

/// <summary>
/// The signed-in person saves a resource, a lab or a circle the public may see (404 otherwise). Saving it again changes
/// nothing: the row is inserted with <c>ON CONFLICT DO NOTHING</c>, so any number of saves at once leave one.
/// </summary>
public sealed record SaveFavourite(FavouriteSubject Type, Guid Id) : ICommand<SavedFavourite>;

/// <summary><see cref="Created"/> is false when it was saved already.</summary>
public sealed record SavedFavourite(bool Created, FavouriteView Favourite);

public sealed class SaveFavouriteValidator : AbstractValidator<SaveFavourite>
{
    public SaveFavouriteValidator()
    {
        RuleFor(c => c.Type).IsInEnum();
        RuleFor(c => c.Id).NotEmpty();
    }
}

public sealed class SaveFavouriteHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SaveFavourite, SavedFavourite>
{
    public async ValueTask<SavedFavourite> Handle(SaveFavourite command, CancellationToken cancellationToken)
    {
        var favourite = Favourite.Save(currentUser.RequireId(), command.Type, command.Id, clock.GetUtcNow());
        var title = await db.RequirePublicTitleAsync(command.Type, command.Id, cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO favourites (user_id, subject_type, subject_id, saved_at)
            VALUES ({favourite.UserId}, {favourite.SubjectType.ToString()}, {favourite.SubjectId}, {favourite.SavedAt})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        var savedAt = inserted == 1 ? favourite.SavedAt : await db.Favourites.AsNoTracking()
            .Where(f => f.UserId == favourite.UserId && f.SubjectType == favourite.SubjectType && f.SubjectId == favourite.SubjectId)
            .Select(f => (DateTimeOffset?)f.SavedAt).SingleOrDefaultAsync(cancellationToken) ?? favourite.SavedAt;
        return new SavedFavourite(inserted == 1, new FavouriteView(command.Type, command.Id, title, savedAt));
    }
}
