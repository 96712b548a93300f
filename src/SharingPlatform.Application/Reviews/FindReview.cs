using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>Where a review is read: its listing. A hidden review only for its author and administrators.</summary>
public sealed record FindReview(Guid Id) : IQuery<ReviewPlace>;

public sealed record ReviewPlace(Guid Id, ReviewedListing ListingType, Guid ListingId);

public sealed class FindReviewHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<FindReview, ReviewPlace>
{
    public async ValueTask<ReviewPlace> Handle(FindReview query, CancellationToken cancellationToken)
    {
        var reviews = currentUser.IsInRole(Roles.Administrator)
            ? db.Reviews.AsNoTracking()
            : db.Shown().Union(db.Reviews.AsNoTracking().Where(r => r.AuthorId == currentUser.Id));
        return await reviews.Where(r => r.Id == query.Id).Select(r => new ReviewPlace(r.Id, r.ListingType, r.ListingId)).FirstOrDefaultAsync(cancellationToken)
            ?? throw ReviewAccess.NotFound();
    }
}
