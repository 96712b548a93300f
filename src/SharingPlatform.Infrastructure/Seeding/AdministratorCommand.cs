namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// <c>SharingPlatform.Web create-admin &lt;email&gt;</c>: makes (or promotes) an administrator, the password read from
/// standard input so that it is never written in a file or a command line. Run after the database is migrated.
/// </summary>
public static class AdministratorCommand
{
    public const string Name = "create-admin";

    public static int Usage(TextWriter output)
    {
        output.WriteLine($"usage: SharingPlatform.Web {Name} <email>   (the password on standard input)");
        return 2;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string email, TextReader input, TextWriter output)
    {
        var password = (await input.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("Give the password on standard input, e.g. `read -rs PW && echo \"$PW\" | SharingPlatform.Web create-admin " + email + "`.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var displayName = scope.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value.DisplayName;
        try
        {
            await Accounts.EnsureAsync(scope.ServiceProvider, email.Trim(), password, displayName, Language.Korean, Roles.Administrator);
        }
        catch (FluentValidation.ValidationException refused)
        {
            foreach (var error in refused.Errors)
                await output.WriteLineAsync(error.ErrorMessage);
            return 1;
        }

        await output.WriteLineAsync($"Administrator {email.Trim()} is ready.");
        return 0;
    }
}
