using SharingPlatform.Application.Accounts;

namespace SharingPlatform.Infrastructure.Jobs;

/// <summary>Daily: sessions that ended (signed out or expired) more than 30 days ago are deleted (<see cref="DeleteEndedSessions"/>).</summary>
public sealed class DeleteEndedSessionsJob(ISender sender)
{
    public const string RecurringJobId = "accounts:delete-ended-sessions";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task Run(CancellationToken cancellationToken) => await sender.Send(new DeleteEndedSessions(), cancellationToken);
}
