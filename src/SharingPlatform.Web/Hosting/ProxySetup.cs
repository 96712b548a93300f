using Microsoft.AspNetCore.HttpOverrides;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// TLS ends at a reverse proxy (nginx): the app trusts its X-Forwarded-For/-Proto, and only from the proxies named in
/// <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR), each a list or one comma-separated value.
/// Neither set: loopback only, a proxy on the same machine. A value that is not an address or network stops start-up.
/// </summary>
public static class ProxySetup
{
    public const string KnownProxies = "Proxy:KnownProxies";
    public const string KnownNetworks = "Proxy:KnownNetworks";

    public static IServiceCollection AddSharingPlatformProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, KnownProxies).Select(v => IPAddress.TryParse(v, out var address) ? address : throw Invalid(KnownProxies, v)).ToList();
        var networks = Values(configuration, KnownNetworks).Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw Invalid(KnownNetworks, v)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0)
                return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>A setting given as a list or as one comma-separated value.</summary>
    public static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"{key}: '{value}' is not an IP address{(key == KnownNetworks ? " network such as 10.0.0.0/24" : "")}.");
}
