namespace SharingPlatform.Application.Favourites;

/// <summary>The signed-in person's favourites the public may still see, newest first.</summary>
public sealed record ListMyFavourites(int Page = 1, int PageSize = 20) : IQuery<PagedList<FavouriteView>>;

public sealed class ListMyFavouritesValidator : AbstractValidator<ListMyFavourites>
{
    public ListMyFavouritesValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyFavouritesHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListMyFavourites, PagedList<FavouriteView>>
{
    public async ValueTask<PagedList<FavouriteView>> Handle(ListMyFavourites query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.PubliclyVisible(db.Favourites.AsNoTracking().Where(f => f.UserId == userId))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
