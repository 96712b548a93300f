using SharingPlatform.Application.Accounts;

namespace SharingPlatform.Infrastructure.Seeding;

internal static class Accounts
{
    /// <summary>Makes sure a confirmed account with this email exists (and has the role); an existing one keeps its password.</summary>
    public static async Task<User> EnsureAsync(
        IServiceProvider provider, string email, string password, string displayName, Language language, string? role = null)
    {
        var users = provider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = User.Register(email, displayName, language, provider.GetRequiredService<TimeProvider>().GetUtcNow());
            user.EmailConfirmed = true;
            (await users.CreateAsync(user, password)).ThrowIfFailed();
        }

        if (role is not null && !await users.IsInRoleAsync(user, role))
            (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        return user;
    }
}
