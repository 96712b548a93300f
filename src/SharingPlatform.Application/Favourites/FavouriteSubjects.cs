using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Application.Favourites;

/// <summary>A favourite as its owner sees it: what it is, its title, and when they saved it.</summary>
public sealed record FavouriteView(FavouriteSubject Type, Guid Id, string Title, DateTimeOffset SavedAt);

/// <summary>
/// What the public may see of the subjects people save: published resources and labs of verified organizations, and
/// active circles. A subject hidden since (suspended, archived, its organization suspended) drops out of the lists and
/// comes back with it.
/// </summary>
public static class FavouriteSubjects
{
    public static NotFoundException NotSaved() => new(Texts.Get("NoSuchFavourite"));

    /// <summary>The title of a subject the public may see; 404 (in the subject's words) for any other.</summary>
    public static async Task<string> RequirePublicTitleAsync(
        this IApplicationDbContext db, FavouriteSubject type, Guid id, CancellationToken cancellationToken) => type switch
        {
            FavouriteSubject.Resource => await ResourceAccess.PubliclyVisible(db).Where(r => r.Id == id).Select(r => r.Title)
                .FirstOrDefaultAsync(cancellationToken) ?? throw ResourceAccess.NotFound(),
            FavouriteSubject.Lab => await LabAccess.PubliclyVisible(db).Where(l => l.Id == id).Select(l => l.Name)
                .FirstOrDefaultAsync(cancellationToken) ?? throw LabAccess.NotFound(),
            _ => await CircleAccess.PubliclyVisible(db).Where(c => c.Id == id).Select(c => c.Title)
                .FirstOrDefaultAsync(cancellationToken) ?? throw CircleAccess.NotFound(),
        };

    /// <summary>These favourites whose subject the public may see now, newest first, with the subject's title.</summary>
    public static IQueryable<FavouriteView> PubliclyVisible(this IApplicationDbContext db, IQueryable<Favourite> favourites)
    {
        var resources = ResourceAccess.PubliclyVisible(db);
        var labs = LabAccess.PubliclyVisible(db);
        var circles = CircleAccess.PubliclyVisible(db);
        return favourites
            .Select(f => new
            {
                f.SubjectType,
                f.SubjectId,
                f.SavedAt,
                Title = f.SubjectType == FavouriteSubject.Resource ? resources.Where(r => r.Id == f.SubjectId).Select(r => r.Title).FirstOrDefault()
                    : f.SubjectType == FavouriteSubject.Lab ? labs.Where(l => l.Id == f.SubjectId).Select(l => l.Name).FirstOrDefault()
                    : circles.Where(c => c.Id == f.SubjectId).Select(c => c.Title).FirstOrDefault(),
            })
            .Where(f => f.Title != null)
            .OrderByDescending(f => f.SavedAt).ThenBy(f => f.SubjectId)
            .Select(f => new FavouriteView(f.SubjectType, f.SubjectId, f.Title!, f.SavedAt));
    }
}
