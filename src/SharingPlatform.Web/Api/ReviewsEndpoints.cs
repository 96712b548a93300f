using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Web.Api;

public static class ReviewsEndpoints
{
    public sealed record ReviewRequest(string SubjectType, Guid SubjectId, int Rating, string? Text);

    public sealed record ReplyRequest(string Text);

    public static void MapReviewsEndpoints(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Reviews").RequireAuthorization();
        reviews.MapPost("", async (ReviewRequest request, ISender sender, CancellationToken ct) =>
        {
            var review = await sender.Send(new WriteReview(
                QueryEnums.Parse<ReviewSubject>(request.SubjectType, "subjectType") ?? (ReviewSubject)(-1), request.SubjectId, request.Rating, request.Text), ct);
            return TypedResults.Created($"/api/v1/reviews/{review.Id}", review);
        }).Idempotent()
            .Conflicts("already_reviewed")
            .Refuses("not_completed", "review_window_closed", "rating_out_of_range");
        reviews.MapPost("/{id:guid}/reply", async (Guid id, ReplyRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReplyToReview(id, request.Text), ct)))
            .Conflicts("already_replied")
            .Refuses("reply_required");

        Listing(api, "/resources/{id:guid}/reviews", ReviewedListing.Resource, "Resources");
        Listing(api, "/labs/{id:guid}/reviews", ReviewedListing.Lab, "Labs");
        Listing(api, "/circles/{id:guid}/reviews", ReviewedListing.Circle, "Circles");
    }

    private static void Listing(RouteGroupBuilder api, string pattern, ReviewedListing type, string tag) =>
        api.MapGet(pattern, async (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReviews(type, id, page ?? 1, pageSize ?? 20), ct))).WithTags(tag, "Reviews");
}
