using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SharingPlatform.Tests.Support;

/// <summary>
/// The real app on a real loopback port over its own migrated database, in the "Testing" environment, with emails
/// written to a folder of its own. Options let a test change settings (a pristine host without the Hangfire server,
/// a low rate limit, Production).
/// </summary>
public sealed class AppFactory(AppFactory.Settings settings) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.sharing.example";
    public const string AdminPassword = "admin-password-for-tests";

    public sealed record Settings(
        string Purpose,
        bool RunJobServer = true,
        string Environment = "Testing",
        int AccountPermitsPerMinute = 100_000,
        IReadOnlyDictionary<string, string?>? Overrides = null,
        Func<string, string>? ConnectThrough = null,
        Action<IServiceCollection>? Services = null);

    public string ConnectionString { get; private set; } = "";
    public Mailbox Mailbox { get; } = new(Path.Combine(Path.GetTempPath(), $"sp-mail-{Guid.NewGuid():N}"));
    public Uri ServerAddress { get; private set; } = null!;
    public string UploadsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"sp-uploads-{Guid.NewGuid():N}");
    public TestClock Clock { get; } = new();

    /// <summary>The host whose Hangfire server runs this process's jobs.</summary>
    private static AppFactory? _jobServerHost;

    public async Task StartAsync()
    {
        ConnectionString = await TestDatabase.CreateMigratedAsync(settings.Purpose);
        UseKestrel(0);
        try
        {
            StartServer();
        }
        finally
        {
            ReclaimHangfireLogging();
        }

        if (settings.RunJobServer)
            _jobServerHost = this;
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        ServerAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A client of the running server, with its own cookie jar.</summary>
    public HttpClient NewClient(bool followRedirects = true) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects })
        {
            BaseAddress = ServerAddress,
        };

    /// <summary>
    /// Hangfire's log provider is process-wide and every host that starts points it at its own logger factory. Once a
    /// second host stops, that factory is disposed and the job server's host would fail on its next log line: hand the
    /// provider back to the job server's host.
    /// </summary>
    private void ReclaimHangfireLogging()
    {
        if (_jobServerHost is { } host && host != this)
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(host.Services.GetRequiredService<ILoggerFactory>()));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(settings.Environment);
        builder.UseSetting("ConnectionStrings:Default", settings.ConnectThrough?.Invoke(ConnectionString) ?? ConnectionString);
        var production = settings.Environment == "Production";
        builder.UseSetting("App:BaseUrl", production ? "https://sharing.tests.example" : "http://127.0.0.1:5000");
        builder.UseSetting("Mail:PickupDirectory", Mailbox.Directory);
        builder.UseSetting("Uploads:Directory", UploadsDirectory);
        if (!production)
        {
            builder.UseSetting("Admin:Email", AdminEmail);
            builder.UseSetting("Admin:Password", AdminPassword);
        }

        builder.UseSetting("Jobs:RunServer", settings.RunJobServer ? "true" : "false");
        builder.UseSetting("RateLimiting:AccountPermitsPerMinute", settings.AccountPermitsPerMinute.ToString());
        if (production)
            builder.UseSetting("Smtp:Host", "smtp.invalid");
        foreach (var (key, value) in settings.Overrides ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The suites sign up and sign in over a thousand people on two cores: production's 100,000 hashing rounds
            // per password would be most of their CPU, and no test is about the hash's cost.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            settings.Services?.Invoke(services);
        });
    }

    /// <summary>Runs a use case inside the app as the platform itself (no signed-in person), as a background job does.</summary>
    public async Task<TResponse> SendAsync<TResponse>(Mediator.ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(command);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ReclaimHangfireLogging();
        if (ConnectionString.Length > 0)
            await TestDatabase.DropAsync(ConnectionString);
        foreach (var directory in new[] { Mailbox.Directory, UploadsDirectory })
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }
}
