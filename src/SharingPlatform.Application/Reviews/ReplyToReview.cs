using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>
/// The listing's side replies to a review once: a member of the resource's or lab's organization, or a host of the
/// circle. The review's row is locked, so two replies at once leave one (the later is 409 <c>already_replied</c>).
/// </summary>
public sealed record ReplyToReview(Guid Id, string Text) : ICommand<ReviewView>;

public sealed class ReplyToReviewValidator : AbstractValidator<ReplyToReview>
{
    public ReplyToReviewValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(Review.TextMaxLength);
}

public sealed class ReplyToReviewHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ReplyToReview, ReviewView>
{
    public async ValueTask<ReviewView> Handle(ReplyToReview command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.Reviews.FromSql($"SELECT * FROM reviews WHERE id = {command.Id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            ?? throw ReviewAccess.NotFound();
        if (!await db.AnswersForAsync(review.ListingType, review.ListingId, userId, cancellationToken))
            throw new ForbiddenException(Texts.Get("OnlyTheListingReplies"));
        review.Answer(userId, command.Text, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.Views(db.Reviews.AsNoTracking().Where(r => r.Id == review.Id)).SingleAsync(cancellationToken);
    }
}
