namespace SharingPlatform.Domain.Reviews;

/// <summary>
/// That a person was asked, the day after, to review something they took part in. (subject, person) is the key: asked
/// once, however many job servers look at once.
/// </summary>
public sealed class ReviewRequest
{
    private ReviewRequest()
    {
    }

    public ReviewSubject SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }

    public static ReviewRequest Make(ReviewSubject subjectType, Guid subjectId, Guid userId, DateTimeOffset now) =>
        new() { SubjectType = subjectType, SubjectId = subjectId, UserId = userId, RequestedAt = now.ToUniversalTime() };
}
