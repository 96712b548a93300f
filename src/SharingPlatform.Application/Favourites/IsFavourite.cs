using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Application.Favourites;

/// <summary>Whether the signed-in person has saved this subject (false for someone signed out): for the pages' save button.</summary>
public sealed record IsFavourite(FavouriteSubject Type, Guid Id) : IQuery<bool>;

public sealed class IsFavouriteHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<IsFavourite, bool>
{
    public async ValueTask<bool> Handle(IsFavourite query, CancellationToken cancellationToken) =>
        currentUser.Id is { } userId
        && await db.Favourites.AnyAsync(f => f.UserId == userId && f.SubjectType == query.Type && f.SubjectId == query.Id, cancellationToken);
}
