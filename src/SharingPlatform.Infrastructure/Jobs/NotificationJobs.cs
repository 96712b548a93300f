using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Infrastructure.Jobs;

/// <summary>Every <see cref="NotificationOptions.DispatchEveryMinutes"/> minutes: the due reminders are delivered (<see cref="DispatchReminders"/>).</summary>
public sealed class DispatchRemindersJob(ISender sender)
{
    public const string RecurringJobId = "notifications:dispatch-reminders";

    public async Task Run(CancellationToken cancellationToken) => await sender.Send(new DispatchReminders(), cancellationToken);
}

/// <summary>Every morning at <see cref="NotificationOptions.DigestHour"/> o'clock Asia/Seoul: the administrators' review digest (<see cref="SendReviewDigest"/>).</summary>
public sealed class ReviewDigestJob(ISender sender)
{
    public const string RecurringJobId = "notifications:review-digest";

    [AutomaticRetry(Attempts = 3)]
    public async Task Run(CancellationToken cancellationToken) => await sender.Send(new SendReviewDigest(), cancellationToken);
}

/// <summary>Every hour at a quarter past: the day-after review requests (<see cref="Application.Reviews.RequestReviews"/>).</summary>
public sealed class RequestReviewsJob(ISender sender)
{
    public const string RecurringJobId = "reviews:request";

    public async Task Run(CancellationToken cancellationToken) => await sender.Send(new Application.Reviews.RequestReviews(), cancellationToken);
}
