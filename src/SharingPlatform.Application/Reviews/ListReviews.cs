using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>
/// A listing's reviews, newest first, with its stars; hidden ones (suspended, or by a suspended person) left out.
/// <see cref="ListingReviews.MayReply"/>: the caller answers for the listing.
/// </summary>
public sealed record ListReviews(ReviewedListing ListingType, Guid ListingId, int Page = 1, int PageSize = 20) : IQuery<ListingReviews>;

public sealed record ListingReviews(RatingSummary Rating, PagedList<ReviewView> Reviews, bool MayReply);

public sealed class ListReviewsValidator : AbstractValidator<ListReviews>
{
    public ListReviewsValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListReviewsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListReviews, ListingReviews>
{
    public async ValueTask<ListingReviews> Handle(ListReviews query, CancellationToken cancellationToken)
    {
        if (!await db.ListedAsync(query.ListingType, query.ListingId, cancellationToken))
            throw new NotFoundException(Texts.Get("NoSuchListing"));
        var reviews = db.Shown().Where(r => r.ListingType == query.ListingType && r.ListingId == query.ListingId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
        return new ListingReviews(
            await db.RatingAsync(query.ListingType, query.ListingId, cancellationToken),
            await db.Views(reviews).ToPagedListAsync(query.Page, query.PageSize, cancellationToken),
            currentUser.Id is { } userId && await db.AnswersForAsync(query.ListingType, query.ListingId, userId, cancellationToken));
    }
}
