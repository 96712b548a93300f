using Npgsql;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// LISTENs on a PostgreSQL channel for as long as the node runs, on a connection of its own (named
/// <c>applicationName</c> in pg_stat_activity) that is kept alive and opened again five seconds after it is lost.
/// <c>listening</c> runs once the LISTEN is in place (what changed while nobody listened is unknown, so a listener starts
/// afresh), <c>notified</c> with the payloads of each wake-up, and <c>stopped</c> whenever the connection ends, with the
/// error that ended it (none when the node stops): from then until <c>listening</c> runs again, the listener must trust
/// nothing it keeps.
/// </summary>
internal static class PostgresListener
{
    public static async Task ListenAsync(
        string? connectionString,
        string channel,
        string applicationName,
        Func<CancellationToken, ValueTask> listening,
        Func<IReadOnlyList<string>, CancellationToken, ValueTask> notified,
        Func<Exception?, ValueTask> stopped,
        CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName, KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            Exception? error = null;
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                var payloads = new List<string>();
                connection.Notification += (_, e) => payloads.Add(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await listening(stoppingToken);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (payloads.Count == 0)
                        continue;
                    var arrived = payloads.ToList();
                    payloads.Clear();
                    await notified(arrived, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                error = e;
            }

            await stopped(error);
            if (error is null)
                break;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
