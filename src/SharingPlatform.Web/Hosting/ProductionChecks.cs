namespace SharingPlatform.Web.Hosting;

/// <summary>
/// Settings Production refuses to start with, naming each (the settings that any environment needs are validated where
/// they are bound): a public address that is not HTTPS, and an administrator's password in the configuration (the first
/// administrator is made with the <c>create-admin</c> command, which reads the password from standard input).
/// </summary>
public static class ProductionChecks
{
    public static void Require(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
            return;
        var problems = new List<string>();
        if (!Uri.TryCreate(configuration["App:BaseUrl"], UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttps)
            problems.Add("App:BaseUrl must be the site's https:// address in Production (links in emails and cookies depend on it).");
        if (!string.IsNullOrEmpty(configuration["Admin:Password"]))
            problems.Add("Admin:Password must not be set in Production: create the first administrator with `SharingPlatform.Web create-admin <email>`, which reads the password from standard input.");
        if (problems.Count > 0)
            throw new InvalidOperationException("Production settings refused: " + string.Join(" ", problems));
    }
}
