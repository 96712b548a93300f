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
}
