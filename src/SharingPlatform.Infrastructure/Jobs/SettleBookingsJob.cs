using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Loans;

namespace SharingPlatform.Infrastructure.Jobs;

/// <summary>Every minute: no-shows released, ended bookings completed, pauses started (<see cref="SettleBookings"/>); lab no-shows (<see cref="SettleLabSessions"/>); overdue loans (<see cref="SettleLoans"/>).</summary>
public sealed class SettleBookingsJob(ISender sender)
{
    public const string RecurringJobId = "bookings:settle";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task Run(CancellationToken cancellationToken)
    {
        await sender.Send(new SettleBookings(), cancellationToken);
        await sender.Send(new SettleLabSessions(), cancellationToken);
        await sender.Send(new SettleLoans(), cancellationToken);
    }
}
