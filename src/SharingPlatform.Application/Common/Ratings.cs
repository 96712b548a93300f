using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Common;

/// <summary>A listing's stars: the average of the reviews shown, to two places (none while there are none), and how many there are.</summary>
public sealed record RatingSummary
{
    public RatingSummary(double? average, int count)
    {
        Average = average is { } a ? Math.Round(a, 2) : null;
        Count = count;
    }

    public double? Average { get; }

    public int Count { get; }
}

/// <summary>The reviews the public reads and the stars they give a listing, for the listings' own views and searches.</summary>
public static class Ratings
{
    /// <summary>What the public reads: not suspended, and not by a person suspended now (back when they are restored).</summary>
    public static IQueryable<Review> Shown(this IApplicationDbContext db) =>
        db.Reviews.AsNoTracking().Where(r => r.Standing == ContentStanding.Shown && db.Users.Any(u => u.Id == r.AuthorId && u.SuspendedAt == null));

    /// <summary>The shown reviews of one kind of listing, for a subquery per listing (<c>.Where(r => r.ListingId == x.Id)</c>).</summary>
    public static IQueryable<Review> ShownOf(this IApplicationDbContext db, ReviewedListing type) =>
        db.Shown().Where(r => r.ListingType == type);

    public static async Task<RatingSummary> RatingAsync(this IApplicationDbContext db, ReviewedListing type, Guid id, CancellationToken cancellationToken)
    {
        var ratings = await db.ShownOf(type).Where(r => r.ListingId == id)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Average = g.Average(r => (double)r.Rating) })
            .SingleOrDefaultAsync(cancellationToken);
        return ratings is null ? new RatingSummary(null, 0) : new RatingSummary(ratings.Average, ratings.Count);
    }
}
