using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>A review as anyone reads it: the author's display name, the stars, the text and the reply.</summary>
public sealed record ReviewView(
    Guid Id, string AuthorName, int Rating, string Text, DateTimeOffset CreatedAt, ReviewSubject SubjectType, ReviewedListing ListingType,
    Guid ListingId, string? Reply, DateTimeOffset? RepliedAt);

public static class ReviewAccess
{
    public static NotFoundException NotFound() => new(Texts.Get("NoSuchReview"));

    /// <summary>The site's address of one review: it leads to the review on its listing's reviews page.</summary>
    public static string Link(Guid reviewId) => $"/Reviews/Show/{reviewId}";

    /// <summary>The site's review form for one thing the person took part in.</summary>
    public static string NewLink(ReviewSubject subjectType, Guid subjectId) => $"/Reviews/New?subjectType={subjectType}&subjectId={subjectId}";

    public static IQueryable<ReviewView> Views(this IApplicationDbContext db, IQueryable<Review> reviews) =>
        reviews.Select(r => new ReviewView(
            r.Id, db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First(), r.Rating, r.Text, r.CreatedAt, r.SubjectType, r.ListingType, r.ListingId, r.Reply, r.RepliedAt));

    /// <summary>Whether the listing is public: a published resource or lab, an active circle.</summary>
    public static Task<bool> ListedAsync(this IApplicationDbContext db, ReviewedListing type, Guid id, CancellationToken cancellationToken) =>
        type switch
        {
            ReviewedListing.Resource => db.Resources.AnyAsync(r => r.Id == id && r.Status == ResourceStatus.Published, cancellationToken),
            ReviewedListing.Lab => db.Labs.AnyAsync(l => l.Id == id && l.Status == LabStatus.Published, cancellationToken),
            _ => db.Circles.AnyAsync(c => c.Id == id && c.Status == CircleStatus.Active, cancellationToken),
        };

    /// <summary>
    /// Whether <paramref name="userId"/> answers for the listing: a member of the organization of a resource or lab, or a
    /// host of the circle.
    /// </summary>
    public static Task<bool> AnswersForAsync(this IApplicationDbContext db, ReviewedListing type, Guid listingId, Guid userId, CancellationToken cancellationToken) =>
        type switch
        {
            ReviewedListing.Resource => db.Resources.AnyAsync(
                r => r.Id == listingId && db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == userId), cancellationToken),
            ReviewedListing.Lab => db.Labs.AnyAsync(
                l => l.Id == listingId && db.OrganizationMembers.Any(m => m.OrganizationId == l.OrganizationId && m.UserId == userId), cancellationToken),
            _ => db.CircleMembers.AnyAsync(
                m => m.CircleId == listingId && m.UserId == userId && m.Status == MemberStatus.Active
                    && (m.Role == MemberRole.Host || m.Role == MemberRole.CoHost), cancellationToken),
        };
}
