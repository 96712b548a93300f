namespace SharingPlatform.Tests.Support;

/// <summary>
/// The one host every integration test shares. Hangfire keeps process-wide state (JobStorage.Current), so two hosts
/// with job servers in one process would run each other's jobs: all tests share this host through one collection.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public AppFactory Factory { get; } = new(new AppFactory.Settings("it"));

    public Task InitializeAsync() => Factory.StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Factory.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<SharedApp>
{
    public const string Name = "app";
}
