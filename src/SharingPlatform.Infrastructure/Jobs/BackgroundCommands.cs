namespace SharingPlatform.Infrastructure.Jobs;

/// <summary><see cref="IBackgroundCommands"/> as Hangfire jobs (retried, and run by any node's job server).</summary>
internal sealed class BackgroundCommands(IBackgroundJobClient jobs) : IBackgroundCommands
{
    public void Enqueue<TCommand>(TCommand command)
        where TCommand : ICommand =>
        jobs.Enqueue<BackgroundCommandJob>(job => job.Run(command, CancellationToken.None));
}

/// <summary>Sends one command that a request left for after its response.</summary>
public sealed class BackgroundCommandJob(ISender sender)
{
    public async Task Run<TCommand>(TCommand command, CancellationToken cancellationToken)
        where TCommand : ICommand =>
        await sender.Send(command, cancellationToken);
}
