using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SharingPlatform.Tests.Support;

/// <summary>The exceptions a host logged as errors, as an operator reads them in the log.</summary>
public sealed class CapturedErrors : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<Exception> _errors = new();

    public IReadOnlyCollection<Exception> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error && exception is not null)
            _errors.Enqueue(exception);
    }

    public void Dispose()
    {
    }
}
