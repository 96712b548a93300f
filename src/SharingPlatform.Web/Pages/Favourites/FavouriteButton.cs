using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Web.Pages.Favourites;

/// <summary>The save/remove form of a detail page (<c>_FavouriteButton</c>): it posts to "My favourites", which comes back here.</summary>
public sealed record FavouriteButton(FavouriteSubject Type, Guid Id, bool Saved)
{
    /// <summary>The detail page of a subject.</summary>
    public static string PageOf(FavouriteSubject type) => type switch
    {
        FavouriteSubject.Resource => "/Resources/Details",
        FavouriteSubject.Lab => "/Labs/Details",
        _ => "/Circles/Details",
    };

    /// <summary>For a signed-in person, on a subject the public may see; null (no button) otherwise.</summary>
    public static async Task<FavouriteButton?> ForAsync(ISender sender, ClaimsPrincipal user, FavouriteSubject type, Guid id, bool isPublic, CancellationToken cancellationToken) =>
        user.Identity?.IsAuthenticated == true && isPublic
            ? new FavouriteButton(type, id, await sender.Send(new IsFavourite(type, id), cancellationToken))
            : null;
}
