using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>An administrator suspended or restored a review: its author is told why, in the transaction of the decision.</summary>
public sealed class ReviewNotices(Notifier notifier)
{
    public async Task ModeratedAsync(Review review, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = review.Standing == ContentStanding.Suspended ? NotificationKind.ReviewSuspended : NotificationKind.ReviewRestored;
        notifier.Notify(await notifier.PeopleAsync([review.AuthorId], cancellationToken), kind, review.Id, now, language => new NoticeText(
            Texts.Get(language, $"Notice_{kind}_Title"), Texts.Get(language, $"Notice_{kind}_Body") + NoticeText.Reasoned(language, reason)),
            ReviewAccess.Link(review.Id), now);
    }
}
