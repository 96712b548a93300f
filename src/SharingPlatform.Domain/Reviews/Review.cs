namespace SharingPlatform.Domain.Reviews;

/// <summary>What a review is about: something the person took part in.</summary>
public enum ReviewSubject
{
    Booking,
    LabBooking,
    Meeting,
    Loan,
}

/// <summary>The listing whose average a review counts in: a booking's or a loan's resource, a session's lab, a meeting's circle.</summary>
public enum ReviewedListing
{
    Resource,
    Lab,
    Circle,
}

/// <summary>
/// A person's review of a booking, a lab session, a meeting or a loan they took part in: 1 to 5 stars and a short
/// text, within <see cref="Window"/> of its end. (subject, person) is the key, so one each however many are sent at
/// once. The listing's side (the organization, or the circle's hosts) may reply once.
/// </summary>
public sealed class Review : IModerated
{
    public const int TextMaxLength = 1000;
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private Review()
    {
    }

    public Guid Id { get; private set; }
    public Guid AuthorId { get; private set; }
    public ReviewSubject SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public ReviewedListing ListingType { get; private set; }
    public Guid ListingId { get; private set; }
    public int Rating { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? Reply { get; private set; }
    public Guid? RepliedBy { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public ContentStanding Standing { get; private set; }
    public string? SuspensionReason { get; private set; }

    Enum IModerated.Status => Standing;

    /// <summary>
    /// Writes a review of something that ended at <paramref name="endedAt"/>: refused before the end is reached and
    /// after the window has passed, by the app's clock.
    /// </summary>
    public static Review Write(
        Guid authorId, ReviewSubject subjectType, Guid subjectId, ReviewedListing listingType, Guid listingId, int rating, string? text,
        DateTimeOffset endedAt, DateTimeOffset now)
    {
        if (!Enum.IsDefined(subjectType))
            throw new ArgumentOutOfRangeException(nameof(subjectType));
        if (rating is < 1 or > 5)
            throw new DomainRuleException("rating_out_of_range", "A rating is 1 to 5 stars.");
        if (now < endedAt)
            throw new DomainRuleException("not_completed", "It has not ended yet.");
        if (now > endedAt + Window)
            throw new DomainRuleException("review_window_closed", "Reviews are taken for 30 days after the end.");
        return new Review
        {
            Id = Guid.CreateVersion7(now),
            AuthorId = authorId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            ListingType = listingType,
            ListingId = listingId,
            Rating = rating,
            Text = (text ?? "").Trim(),
            CreatedAt = now.ToUniversalTime(),
        };
    }

    public void Answer(Guid by, string text, DateTimeOffset now)
    {
        if (Reply is not null)
            throw new IllegalTransitionException("already_replied", "The review has a reply already.");
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainRuleException("reply_required", "A reply needs some text.");
        Reply = text.Trim();
        RepliedBy = by;
        RepliedAt = now.ToUniversalTime();
    }

    public void Suspend(string reason)
    {
        if (Standing == ContentStanding.Suspended)
            throw new IllegalTransitionException("review_suspended", "The review is already suspended.");
        SuspensionReason = Reason.Require(reason);
        Standing = ContentStanding.Suspended;
    }

    public void Restore(string? reason)
    {
        if (Standing != ContentStanding.Suspended)
            throw new IllegalTransitionException("review_not_suspended", "The review is not suspended.");
        Standing = ContentStanding.Shown;
        SuspensionReason = null;
    }
}
