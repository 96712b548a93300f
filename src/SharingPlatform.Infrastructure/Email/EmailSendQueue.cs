using System.Threading.Channels;

namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// Enqueues the <see cref="SendEmailJob"/>s of committed emails off the request: <see cref="SendEmailsOnCommit"/> hands
/// their ids over and returns, and this service gathers what arrives within <see cref="MailOptions.GatherMilliseconds"/>
/// (50) into one job. A Hangfire enqueue is two transactions and a NOTIFY: one per booking took 12 % of the app's CPU per
/// booking and put every booking's email behind PostgreSQL's notification lock. One email gets
/// <see cref="SendEmailJob.Run"/>, several <see cref="SendEmailJob.RunMany"/> in jobs of <see cref="EmailsPerJob"/>. What
/// the process could not enqueue, because it stopped or the database went away, is sent by <see cref="SendUnsentEmailsJob"/>.
/// </summary>
internal sealed class EmailSendQueue(IBackgroundJobClient jobs, IOptions<MailOptions> options, ILogger<EmailSendQueue> logger)
    : BackgroundService
{
    /// <summary>An enqueue costs milliseconds (bench/RESULTS.md): 100,000 reminder emails would take minutes one by one.</summary>
    public const int EmailsPerJob = 100;

    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(IEnumerable<Guid> outgoingEmailIds)
    {
        foreach (var id in outgoingEmailIds)
            _waiting.Writer.TryWrite(id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gather = TimeSpan.FromMilliseconds(options.Value.GatherMilliseconds);
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(gather, stoppingToken);
                EnqueueWaiting();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            EnqueueWaiting();
        }
    }

    private void EnqueueWaiting()
    {
        var ids = new List<Guid>();
        while (_waiting.Reader.TryRead(out var id))
            ids.Add(id);
        if (ids.Count == 0)
            return;
        try
        {
            if (ids.Count == 1)
            {
                var id = ids[0];
                jobs.Enqueue<SendEmailJob>(job => job.Run(id, CancellationToken.None));
                return;
            }

            foreach (var chunk in ids.Chunk(EmailsPerJob))
                jobs.Enqueue<SendEmailJob>(job => job.RunMany(chunk, CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The send jobs of {EmailCount} committed emails could not be enqueued; the unsent-email sweep sends them", ids.Count);
        }
    }
}
