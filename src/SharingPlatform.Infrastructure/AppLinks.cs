namespace SharingPlatform.Infrastructure;

internal sealed class AppLinks(IOptions<AppOptions> options) : IAppLinks
{
    public Uri To(string pathAndQuery) => new(options.Value.BaseUrl!, pathAndQuery);
}
