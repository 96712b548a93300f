// What one Hangfire enqueue costs, with the storage the app configures (Hangfire.PostgreSql, EnableLongPolling, a 15 s
// queue poll, CompatibilityLevel 1.8, simple type names, recommended serializer settings), measured outside the app so
// the dispatcher's own work is not in it. bench/run.sh reminders runs it after the reminders, with the app stopped.
//
//   SharingPlatform.Bench.Enqueue --connection CS [--jobs 5000] [--schema bench_hangfire]
//
// Jobs go into a schema of their own (dropped at the end), so the app's queue never sees them and nothing runs them.
// For each way of enqueueing it prints wall time and the CPU of this process and of the PostgreSQL backends it used
// (read from /proc, so PostgreSQL must run on this machine), per email:
//   one-by-one        BackgroundJobClient.Enqueue per email, one after the other: what SendEmailsOnCommit does
//   one-by-one, no long polling   the same with EnableLongPolling off (no NOTIFY per enqueue)
//   one per 500       one job per batch of 500 email ids (a job that sends a batch)
using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace SharingPlatform.Bench.Enqueue;

/// <summary>Stands in for the app's SendEmailJob: same method shape, never run here.</summary>
#pragma warning disable CA1822 // Hangfire calls instance methods of a job class
public sealed class SendEmailJob
{
    public Task Run(Guid outgoingEmailId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunBatch(Guid[] outgoingEmailIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
#pragma warning restore CA1822

internal static class Program
{
    private const string ApplicationName = "bench-enqueue";

    public static async Task<int> Main(string[] args)
    {
        string? connection = null;
        var jobs = 5000;
        var schema = "bench_hangfire";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--jobs": jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--schema": schema = args[++i]; break;
                default:
                    await Console.Error.WriteLineAsync("usage: SharingPlatform.Bench.Enqueue --connection CS [--jobs 5000] [--schema bench_hangfire]");
                    return 2;
            }
        }

        if (string.IsNullOrWhiteSpace(connection) || jobs < 500)
        {
            await Console.Error.WriteLineAsync("--connection is required and --jobs must be at least 500");
            return 2;
        }

        var builder = new NpgsqlConnectionStringBuilder(connection) { ApplicationName = ApplicationName };
        var cs = builder.ConnectionString;
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();

        await DropSchemaAsync(cs, schema);
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hangfire enqueue cost, {jobs} emails per way, schema {schema} (dropped afterwards)"));
            Console.WriteLine("| way | wall ms per email | this process CPU ms per email | PostgreSQL CPU ms per email | writing transactions per email |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            // A warm-up of each way first (JIT, pool, prepared plans), then the measured run.
            foreach (var (name, longPolling, perBatch) in new[]
                     {
                         ("one-by-one (as SendEmailsOnCommit)", true, false),
                         ("one-by-one, EnableLongPolling off", false, false),
                         ("one job per 500 emails", true, true),
                     })
            {
                var client = Client(cs, schema, longPolling);
                await RunAsync(client, Math.Min(jobs, 1000), perBatch, cs);
                var result = await RunAsync(client, jobs, perBatch, cs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {result.WallMs / jobs:F3} | {result.AppCpuMs / jobs:F3} | {result.PgCpuMs / jobs:F3} | {(double)result.Transactions / jobs:F3} |"));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropSchemaAsync(cs, schema);
        }

        return 0;
    }

    private static BackgroundJobClient Client(string cs, string schema, bool longPolling)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = schema,
            EnableLongPolling = longPolling,
            QueuePollInterval = TimeSpan.FromSeconds(15),
            PrepareSchemaIfNecessary = true,
        };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(cs, options), options);
        return new BackgroundJobClient(storage);
    }

    private sealed record Result(double WallMs, double AppCpuMs, double PgCpuMs, long Transactions);

    private static async Task<Result> RunAsync(BackgroundJobClient client, int emails, bool perBatch, string cs)
    {
        // Fresh backends for the run, so that their CPU is all this run's.
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(200);
        var xid0 = await XidAsync(cs);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        if (perBatch)
        {
            for (var done = 0; done < emails; done += 500)
            {
                var ids = Enumerable.Range(0, Math.Min(500, emails - done)).Select(_ => Guid.CreateVersion7()).ToArray();
                client.Enqueue<SendEmailJob>(job => job.RunBatch(ids, CancellationToken.None));
            }
        }
        else
        {
            for (var i = 0; i < emails; i++)
            {
                var id = Guid.CreateVersion7();
                client.Enqueue<SendEmailJob>(job => job.Run(id, CancellationToken.None));
            }
        }

        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var pg = await BackendTicksAsync(cs);
        var tx = await XidAsync(cs) - xid0 - 1; // the first XidAsync took one
        const double hz = 100.0; // USER_HZ on Linux
        return new Result(wall.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, 1000.0 * pg / hz, tx);
    }

    /// <summary>CPU ticks (utime + stime) of every backend whose application_name is this program's.</summary>
    private static async Task<long> BackendTicksAsync(string cs)
    {
        var pids = new List<int>();
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { ApplicationName = "bench-enqueue-probe", Pooling = false }.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @name", conn);
            cmd.Parameters.AddWithValue("name", ApplicationName);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                pids.Add(reader.GetInt32(0));
        }

        long ticks = 0;
        foreach (var pid in pids)
        {
            try
            {
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }

        return ticks;
    }

    /// <summary>Takes a transaction id: the difference of two is the writing transactions in between (the cluster is the bench's own).</summary>
    private static async Task<long> XidAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { ApplicationName = "bench-enqueue-probe", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_current_xact_id()::text::bigint", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task DropSchemaAsync(string cs, string schema)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { ApplicationName = "bench-enqueue-probe", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
