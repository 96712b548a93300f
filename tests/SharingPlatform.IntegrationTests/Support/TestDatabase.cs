using Microsoft.EntityFrameworkCore;
using Npgsql;
using SharingPlatform.Infrastructure;
using SharingPlatform.Infrastructure.Data;

namespace SharingPlatform.Tests.Support;

/// <summary>
/// Databases on the throwaway PostgreSQL that scripts/test.sh starts (SHARINGPLATFORM_TEST_POSTGRES).
/// The migrations run once into a template; every host gets a clone of it (CREATE DATABASE … TEMPLATE), which takes
/// a fraction of a second.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SHARINGPLATFORM_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "SHARINGPLATFORM_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts a throwaway " +
            "PostgreSQL, or point it at a server you may create databases on (Host=…;Port=…;Username=postgres;Database=postgres).");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database with every migration applied, named after <paramref name="purpose"/>.</summary>
    public static async Task<string> CreateMigratedAsync(string purpose)
    {
        var template = await EnsureTemplateAsync();
        var name = $"sp_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>A new database with nothing in it (a server to restore a backup onto).</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var name = $"sp_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
                return _template;

            var name = $"sp_template_{Guid.NewGuid():N}";
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            var options = new DbContextOptionsBuilder<ApplicationDbContext>()
                .UseNpgsql(ConnectionStringFor(name), npgsql => npgsql.MigrationsAssembly(DependencyInjection.MigrationsAssembly))
                .UseSnakeCaseNamingConvention()
                .Options;
            await using (var db = new ApplicationDbContext(options))
                await db.Database.MigrateAsync();

            // A template must have no open connections when it is cloned.
            NpgsqlConnection.ClearAllPools();
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
