namespace SharingPlatform.Application.Common;

/// <summary>
/// What a database error means, whatever wraps it: EF Core hands a transient error (a deadlock, a lost connection) up
/// inside an <see cref="InvalidOperationException"/> around a <see cref="DbUpdateException"/>, so the error is found by
/// walking the inner exceptions.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>How long a client is asked to wait when the database cannot be reached.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The PostgreSQL error inside <paramref name="exception"/>, if there is one.</summary>
    public static PostgresException? Postgres(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres;
        }

        return null;
    }

    /// <summary>
    /// The database could not be reached or is shutting down, restarting, being failed over or full of connections: the
    /// same request may succeed shortly (503 with Retry-After, not 500).
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        if (Postgres(exception) is { } postgres)
            return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                    or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
        // Any other Npgsql error is the client's side of the connection: refused, reset, timed out, or no server
        // accepting writes among the hosts named (while a standby is promoted; Npgsql then throws with no inner error).
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException)
                return true;
        }

        return false;
    }
}
