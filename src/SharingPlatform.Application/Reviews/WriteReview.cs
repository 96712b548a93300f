using SharingPlatform.Domain.Bookings;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Loans;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>
/// The signed-in person reviews a booking, lab session, meeting or loan of theirs that ended within the last 30 days: a
/// completed booking, a checked-in or completed session, a meeting they attended, a loan they returned. One each: the
/// key (subject, person) settles reviews sent at once (409 <c>already_reviewed</c>).
/// </summary>
public sealed record WriteReview(ReviewSubject SubjectType, Guid SubjectId, int Rating, string? Text) : ICommand<ReviewView>;

public sealed class WriteReviewValidator : AbstractValidator<WriteReview>
{
    public WriteReviewValidator()
    {
        RuleFor(c => c.SubjectType).IsInEnum();
        RuleFor(c => c.SubjectId).NotEmpty();
        RuleFor(c => c.Rating).InclusiveBetween(1, 5);
        RuleFor(c => c.Text).MaximumLength(Review.TextMaxLength);
    }
}

public sealed class WriteReviewHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<WriteReview, ReviewView>
{
    private sealed record Taken(ReviewedListing ListingType, Guid ListingId, DateTimeOffset EndedAt, bool Done);

    public async ValueTask<ReviewView> Handle(WriteReview command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var taken = await TakenAsync(command, userId, cancellationToken) ?? throw new NotFoundException(Texts.Get("NothingToReview"));
        if (!taken.Done)
            throw new DomainRuleException("not_completed", Texts.Get("ReviewNotCompleted"));
        var review = Review.Write(userId, command.SubjectType, command.SubjectId, taken.ListingType, taken.ListingId, command.Rating, command.Text,
            taken.EndedAt, clock.GetUtcNow());
        db.Reviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return await db.Views(db.Reviews.AsNoTracking().Where(r => r.Id == review.Id)).SingleAsync(cancellationToken);
    }

    /// <summary>The person's part in the subject, or none when it is not theirs.</summary>
    private Task<Taken?> TakenAsync(WriteReview command, Guid userId, CancellationToken cancellationToken)
    {
        var id = command.SubjectId;
        return command.SubjectType switch
        {
            ReviewSubject.Booking => db.Bookings.Where(b => b.Id == id && b.BookerId == userId)
                .Select(b => new Taken(ReviewedListing.Resource, b.ResourceId, b.EndsAt, b.Status == BookingStatus.Completed))
                .SingleOrDefaultAsync(cancellationToken),
            ReviewSubject.LabBooking => db.LabBookings.Where(b => b.Id == id && b.BookerId == userId)
                .Select(b => new Taken(ReviewedListing.Lab, b.LabId, b.SlotEndsAt, b.Status == LabBookingStatus.CheckedIn || b.Status == LabBookingStatus.Completed))
                .SingleOrDefaultAsync(cancellationToken),
            ReviewSubject.Meeting => db.Rsvps.Where(r => r.MeetingId == id && r.UserId == userId)
                .Join(db.Meetings, r => r.MeetingId, m => m.Id, (r, m) => new Taken(ReviewedListing.Circle, m.CircleId, m.EndsAt, r.Attended == true))
                .SingleOrDefaultAsync(cancellationToken),
            _ => db.Loans.Where(l => l.Id == id && l.BorrowerId == userId)
                .Select(l => new Taken(ReviewedListing.Resource, l.ResourceId,
                    l.History.Where(c => c.Status == LoanStatus.Returned).Max(c => (DateTimeOffset?)c.At) ?? DateTimeOffset.MaxValue,
                    l.Status == LoanStatus.Returned))
                .SingleOrDefaultAsync(cancellationToken),
        };
    }
}
