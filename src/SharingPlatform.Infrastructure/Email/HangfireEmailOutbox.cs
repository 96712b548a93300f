using Hangfire;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Infrastructure.Email;

internal sealed class HangfireEmailOutbox(IBackgroundJobClient jobs) : IEmailOutbox
{
    public void Send(Guid outgoingEmailId) =>
        jobs.Enqueue<SendEmailJob>(job => job.Run(outgoingEmailId, CancellationToken.None));
}
