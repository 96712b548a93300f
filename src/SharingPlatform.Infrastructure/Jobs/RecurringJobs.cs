using SharingPlatform.Infrastructure.Email;

namespace SharingPlatform.Infrastructure.Jobs;

/// <summary>
/// Registers every recurring job under a stable id at start; registering again updates, never duplicates. Wall-clock
/// schedules are in Asia/Seoul.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var notifications = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var seoul = new RecurringJobOptions { TimeZone = SeoulTime.Zone };
        recurring.AddOrUpdate<SendUnsentEmailsJob>(SendUnsentEmailsJob.RecurringJobId, job => job.Run(CancellationToken.None), "*/5 * * * *", seoul);
        recurring.AddOrUpdate<SettleBookingsJob>(SettleBookingsJob.RecurringJobId, job => job.Run(CancellationToken.None), Cron.Minutely(), seoul);
        recurring.AddOrUpdate<DispatchRemindersJob>(DispatchRemindersJob.RecurringJobId, job => job.Run(CancellationToken.None),
            $"*/{notifications.DispatchEveryMinutes} * * * *", seoul);
        recurring.AddOrUpdate<ReviewDigestJob>(ReviewDigestJob.RecurringJobId, job => job.Run(CancellationToken.None),
            Cron.Daily(notifications.DigestHour), seoul);
        recurring.AddOrUpdate<RequestReviewsJob>(RequestReviewsJob.RecurringJobId, job => job.Run(CancellationToken.None), "15 * * * *", seoul);
        recurring.AddOrUpdate<DeleteEndedSessionsJob>(DeleteEndedSessionsJob.RecurringJobId, job => job.Run(CancellationToken.None), Cron.Daily(4), seoul);
    }
}
