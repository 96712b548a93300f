using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingPlatform.Infrastructure.Email;
using SharingPlatform.Infrastructure.Files;
using SharingPlatform.Infrastructure.Jobs;
using SharingPlatform.Infrastructure.Seeding;

namespace SharingPlatform.Infrastructure;

public static class DependencyInjection
{
    public const string MigrationsAssembly = "SharingPlatform.Migrations";

    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Set the environment variable ConnectionStrings__Default " +
                "(e.g. Host=127.0.0.1;Port=5432;Database=sharingplatform;Username=postgres) or start with scripts/run.sh.");

        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<EmailSendQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailSendQueue>());
        services.AddSingleton<SendEmailsOnCommit>();
        services.AddSingleton<SessionChangesOnSave>();
        services.AddDbContextPool<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(WithPreparedStatements(connectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<SendEmailsOnCommit>(), provider.GetRequiredService<SessionChangesOnSave>(),
                new NoSavepointsByDefault()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());

        services.AddDataProtection()
            .SetApplicationName("SharingPlatform")
            .PersistKeysToDbContext<ApplicationDbContext>();

        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "App:BaseUrl must be an absolute URL such as https://sharing.example.kr")
            .ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Email) == string.IsNullOrWhiteSpace(o.Password),
                "Admin:Email and Admin:Password are set together or not at all")
            .ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        AddEmail(services, configuration, environment);
        AddJobs(services, configuration, connectionString);

        services.AddSingleton<IAppLinks, AppLinks>();
        services.AddScoped<ISystemProbe, Observability.SystemProbe>();
        services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Uploads:Directory is empty").ValidateOnStart();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddOptions<PhotoDecodingOptions>().BindConfiguration(FileStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPhotoProcessor, ImageSharpPhotoProcessor>();
        return services;
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var pickupAllowed = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => pickupAllowed || !string.IsNullOrWhiteSpace(o.Host),
                "Smtp:Host is not set: outside Development the platform needs an SMTP server to send its emails")
            .ValidateOnStart();

        if (string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]))
            services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
        else
            services.AddScoped<IMailTransport, SmtpMailTransport>();
        services.AddScoped<SendEmailJob>();
        services.AddScoped<SendUnsentEmailsJob>();
        services.AddScoped<IBackgroundCommands, BackgroundCommands>();
        services.AddScoped<BackgroundCommandJob>();
        services.AddScoped<DeleteEndedSessionsJob>();
        services.AddScoped<SettleBookingsJob>();
        services.AddScoped<DispatchRemindersJob>();
        services.AddScoped<ReviewDigestJob>();
    }

    /// <summary>
    /// The app sends the same few statements over and over: let Npgsql prepare the most used ones on each connection
    /// (PostgreSQL then skips parsing and planning them), unless the connection string says otherwise. A connection
    /// back in the pool is not reset (a statement of seven commands before each query): the app leaves no session
    /// state behind (no SET, LISTEN, temporary table or session advisory lock; the page-data listener has a connection
    /// of its own).
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 50;
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Hangfire on PostgreSQL. The storage and the job activator are this container's own, not Hangfire's process-wide
    /// JobStorage.Current/JobActivator.Current, so a second host in one process (tests) never runs this host's jobs.
    /// </summary>
    private static void AddJobs(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        // After a crash or a database restart, a lock row left behind is given up after a minute and a job taken by a
        // worker that died after two (the worker that lives keeps its job by a heartbeat), not after Hangfire's 10 and
        // 30 minutes: background work resumes soon after the database returns. Every job is safe to run twice.
        var storageOptions = new PostgreSqlStorageOptions
        {
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(15),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(2),
        };
        services.AddSingleton<JobStorage>(_ =>
            new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.WorkerCount = jobs.WorkerCount;
                server.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            });
        }
    }
}
