using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Favourites;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo favourites for Development: 김민지 keeps two resources, a lab and a circle she is not in; Emma Wilson a resource
/// and a circle she is not in, so their circles' new meetings reach them. Idempotent: nothing is added once any exists.
/// </summary>
internal static class DemoFavourites
{
    public static async Task SeedAsync(IServiceProvider provider, User minji, User emma)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Favourites.AnyAsync())
            return;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var resources = await db.Resources.Where(r => r.Status == ResourceStatus.Published).OrderBy(r => r.Title).Select(r => r.Id).Take(3).ToListAsync();
        var lab = await db.Labs.Where(l => l.Status == LabStatus.Published).OrderBy(l => l.Name).Select(l => (Guid?)l.Id).FirstOrDefaultAsync();
        Task<Guid?> CircleWithoutAsync(User user) => db.Circles
            .Where(c => c.Status == CircleStatus.Active && !db.CircleMembers.Any(m => m.CircleId == c.Id && m.UserId == user.Id))
            .OrderBy(c => c.Title).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();

        var days = 0;
        void Keep(User user, FavouriteSubject type, Guid? id)
        {
            if (id is { } subjectId)
                db.Favourites.Add(Favourite.Save(user.Id, type, subjectId, now.AddDays(-++days)));
        }

        foreach (var resource in resources.Take(2))
            Keep(minji, FavouriteSubject.Resource, resource);
        Keep(minji, FavouriteSubject.Lab, lab);
        Keep(minji, FavouriteSubject.Circle, await CircleWithoutAsync(minji));
        Keep(emma, FavouriteSubject.Resource, resources.Skip(2).Cast<Guid?>().FirstOrDefault());
        Keep(emma, FavouriteSubject.Circle, await CircleWithoutAsync(emma));
        await db.SaveChangesAsync();
    }
}
