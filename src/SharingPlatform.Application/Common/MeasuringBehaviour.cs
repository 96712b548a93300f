using System.Diagnostics.Metrics;

namespace SharingPlatform.Application.Common;

/// <summary>
/// Counts every use case by its outcome, in the platform's meter (<see cref="PlatformMeter"/>): done, refused with the
/// refusal's code (<c>period_taken</c>, <c>slot_full</c>, <c>invalid</c>…), or failed; and how long it took. Bookings made
/// and refused, lab and meeting answers, loans: each is a use case, so each is counted here.
/// </summary>
public sealed class MeasuringBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly KeyValuePair<string, object?> UseCase = new("use_case", typeof(TMessage).Name);

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (outcome, code) = ("done", "");
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex)
        {
            (outcome, code) = PlatformMeter.OutcomeOf(ex);
            throw;
        }
        finally
        {
            PlatformMeter.UseCases.Add(1, UseCase, new("outcome", outcome), new("code", code));
            PlatformMeter.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, UseCase, new("outcome", outcome));
        }
    }
}

/// <summary>The platform's own instruments, exported at <c>/metrics</c> beside those of ASP.NET Core, Npgsql and the runtime.</summary>
public static class PlatformMeter
{
    public const string Name = "SharingPlatform";

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> UseCases = Meter.CreateCounter<long>("sharingplatform.use_cases", "{use_case}",
        "Use cases handled, by name, outcome (done, refused, failed) and refusal code.");

    public static readonly Histogram<double> UseCaseDuration = Meter.CreateHistogram<double>("sharingplatform.use_case.duration", "ms",
        "How long use cases took.");

    /// <summary>A refusal the person can act on has a code; anything else failed.</summary>
    public static (string Outcome, string Code) OutcomeOf(Exception exception) => exception switch
    {
        DomainRuleException rule => ("refused", rule.Code),
        ConflictException conflict => ("refused", conflict.Code ?? "conflict"),
        ValidationException => ("refused", "invalid"),
        NotFoundException => ("refused", "not_found"),
        ForbiddenException => ("refused", "forbidden"),
        NotSignedInException => ("refused", "not_signed_in"),
        OperationCanceledException => ("cancelled", ""),
        _ => ("failed", ""),
    };
}
