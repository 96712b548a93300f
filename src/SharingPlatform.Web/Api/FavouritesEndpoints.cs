using Microsoft.AspNetCore.Http.HttpResults;
using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Web.Api;

public static class FavouritesEndpoints
{
    public static void MapFavouritesEndpoints(this RouteGroupBuilder api)
    {
        var favourites = api.MapGroup("/me/favourites").WithTags("Favourites").RequireAuthorization();

        favourites.MapGet("", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyFavourites(page ?? 1, pageSize ?? 20), ct)));
        favourites.MapPut("/{type}/{id:guid}", async Task<Results<Created<FavouriteView>, Ok<FavouriteView>>> (
            string type, Guid id, HttpContext context, ISender sender, CancellationToken ct) =>
        {
            var saved = await sender.Send(new SaveFavourite(SubjectOf(type), id), ct);
            return saved.Created
                ? TypedResults.Created(context.Request.Path.Value, saved.Favourite)
                : TypedResults.Ok(saved.Favourite);
        });
        favourites.MapDelete("/{type}/{id:guid}", async (string type, Guid id, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveFavourite(SubjectOf(type), id), ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>An unknown type is a 400 naming the ones there are.</summary>
    private static FavouriteSubject SubjectOf(string type) => QueryEnums.Parse<FavouriteSubject>(type, "type") ?? (FavouriteSubject)(-1);
}
