using System.Collections.Concurrent;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Each node keeps the answer of <see cref="SecurityStampCheck"/> for a session in memory, so that a signed-in request
/// costs no query, and still refuses an ended session on its next request. The database tells every node when a
/// person's sessions may have ended (a trigger sends <c>NOTIFY session_changed</c> with the person's id when their
/// security stamp or suspension changes or a session of theirs is revoked or deleted; see the migration
/// SessionChangeNotices), and the node that saved the change forgets at once (<see cref="ISessionChanges"/>). A node
/// that is not listening keeps nothing, and a check read while a change arrived is not kept.
/// </summary>
public sealed class SessionCheckCache(IConfiguration configuration, ILogger<SessionCheckCache> logger) : BackgroundService, ISessionChanges
{
    private const string Channel = "session_changed";

    /// <summary>More sessions than this at once and the node starts again from none.</summary>
    private const int MaxSessions = 100_000;

    public sealed record Check(Guid UserId, string? SecurityStamp, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<Guid, Check> _sessions = new();
    private volatile bool _listening;
    private long _generation;

    /// <summary>Goes up each time a change arrives; a check read before it is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public Check? Find(Guid sessionId) => _listening && _sessions.TryGetValue(sessionId, out var check) ? check : null;

    public void Keep(Guid sessionId, Check check, long generationBefore)
    {
        if (!_listening || Generation != generationBefore)
            return;
        if (_sessions.Count >= MaxSessions)
            _sessions.Clear();
        _sessions[sessionId] = check;
        if (Generation != generationBefore)
            _sessions.TryRemove(sessionId, out _);
    }

    public void Changed(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (sessionId, check) in _sessions)
        {
            if (check.UserId == userId)
                _sessions.TryRemove(sessionId, out _);
        }
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _sessions.Clear();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PostgresListener.ListenAsync(configuration.GetConnectionString("Default"), Channel, "session-listener",
            listening: _ =>
            {
                ForgetAll();
                _listening = true;
                return ValueTask.CompletedTask;
            },
            notified: (payloads, _) =>
            {
                foreach (var payload in payloads)
                {
                    if (Guid.TryParse(payload, out var userId))
                        Changed(userId);
                    else
                        ForgetAll();
                }

                return ValueTask.CompletedTask;
            },
            stopped: error =>
            {
                _listening = false;
                ForgetAll();
                if (error is not null)
                    logger.LogWarning(error, "Not listening for session changes; every signed-in request is checked in the database until it listens again");
                return ValueTask.CompletedTask;
            },
            stoppingToken);
}
