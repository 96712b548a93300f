using Hangfire;
using Mediator;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Labs;

namespace SharingPlatform.Infrastructure.Jobs;

/// <summary>Every minute: no-shows released, ended bookings completed, pauses started (<see cref="SettleBookings"/>); lab no-shows (<see cref="SettleLabSessions"/>).</summary>
public sealed class SettleBookingsJob(ISender sender)
{
    public const string RecurringJobId = "bookings:settle";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task Run(CancellationToken cancellationToken)
    {
        await sender.Send(new SettleBookings(), cancellationToken);
        await sender.Send(new SettleLabSessions(), cancellationToken);
    }
}
