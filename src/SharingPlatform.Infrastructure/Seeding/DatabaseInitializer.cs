namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>At start: applies the migrations, makes the roles and the bootstrap administrator, and in Development the demo data.</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DatabaseInitializer));

        await provider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync(cancellationToken);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
        }

        var admin = provider.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(admin.Email) && !string.IsNullOrWhiteSpace(admin.Password))
        {
            await Accounts.EnsureAsync(provider, admin.Email, admin.Password, admin.DisplayName, Language.Korean, Roles.Administrator);
            LogAdministrator(logger, admin.Email);
        }

        if (provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
            await DemoData.SeedAsync(provider);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap administrator {Email} is ready")]
    private static partial void LogAdministrator(ILogger logger, string email);
}
