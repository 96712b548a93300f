namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo accounts for Development (listed in the README). Idempotent: a second start finds them and adds nothing.
/// Later features add their demo organizations, resources, labs and circles here.
/// </summary>
internal static class DemoData
{
    public const string Password = "demo-password-2026";

    public static async Task SeedAsync(IServiceProvider provider)
    {
        var minji = await Accounts.EnsureAsync(provider, "minji@demo.sharing.example", Password, "김민지", Language.Korean);
        var junho = await Accounts.EnsureAsync(provider, "junho@demo.sharing.example", Password, "이준호", Language.Korean);
        var emma = await Accounts.EnsureAsync(provider, "emma@demo.sharing.example", Password, "Emma Wilson", Language.English);
        var manager = await Accounts.EnsureAsync(provider, "manager@demo.sharing.example", Password, "박성호", Language.Korean);
        await DemoCatalog.SeedAsync(provider, manager);
        await DemoBookings.SeedAsync(provider, manager, minji, junho, emma);
        await DemoLabs.SeedAsync(provider, manager, minji, junho, emma);
        await DemoCircles.SeedAsync(provider, minji, junho, emma);
        await DemoLoans.SeedAsync(provider, manager, minji, junho, emma);
        await DemoReports.SeedAsync(provider, minji, junho, emma);
        await DemoFavourites.SeedAsync(provider, minji, emma);
        await DemoProposals.SeedAsync(provider, manager, minji, junho, emma);
        await DemoReviews.SeedAsync(provider, manager, minji, junho, emma);
        await DemoStories.SeedAsync(provider, manager);
    }
}
