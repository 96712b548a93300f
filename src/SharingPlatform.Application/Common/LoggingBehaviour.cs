using Microsoft.Extensions.Logging;

namespace SharingPlatform.Application.Common;

/// <summary>
/// Logs each use case's name, outcome and duration; never its body or personal data. A query that was answered is
/// logged only at Debug: every page asks several, and their durations are in the metrics
/// (<see cref="MeasuringBehaviour{TMessage, TResponse}"/>).
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    private static readonly bool IsQuery = typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage));

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (IsQuery)
                LogAnswered(UseCase, elapsed);
            else
                LogHandled(UseCase, elapsed);
            return response;
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var outcome = ex.GetType().Name;
            LogRefused(UseCase, outcome, elapsed);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} answered in {ElapsedMs:0.0} ms")]
    private partial void LogAnswered(string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} ended with {Outcome} after {ElapsedMs:0.0} ms")]
    private partial void LogRefused(string useCase, string outcome, double elapsedMs);
}
