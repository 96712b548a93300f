using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Infrastructure.Email;

namespace SharingPlatform.Infrastructure.Jobs;

/// <summary>Registers every recurring job under a stable id at start; registering again updates, never duplicates.</summary>
public static class RecurringJobs
{
    public static void Register(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<SendUnsentEmailsJob>(SendUnsentEmailsJob.RecurringJobId, job => job.Run(CancellationToken.None), "*/5 * * * *");
        recurring.AddOrUpdate<SettleBookingsJob>(SettleBookingsJob.RecurringJobId, job => job.Run(CancellationToken.None), Cron.Minutely());
    }
}
