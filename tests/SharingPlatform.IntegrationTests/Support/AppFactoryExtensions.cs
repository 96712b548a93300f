using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Infrastructure.Data;

namespace SharingPlatform.Tests.Support;

public static class AppFactoryExtensions
{
    /// <summary>Reads the database directly, to check what a request left behind.</summary>
    public static async Task<T> QueryAsync<T>(this AppFactory app, Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>A second node, started, on this app's database and without a job server, as another server would run.</summary>
    public static async Task<AppFactory> OtherNodeAsync(this AppFactory app, string purpose)
    {
        var node = new AppFactory(new AppFactory.Settings(purpose, RunJobServer: false,
            Overrides: new Dictionary<string, string?> { ["ConnectionStrings:Default"] = app.ConnectionString }));
        try
        {
            await node.StartAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }
}
