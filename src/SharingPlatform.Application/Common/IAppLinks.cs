namespace SharingPlatform.Application.Common;

/// <summary>Absolute links to the site, for emails.</summary>
public interface IAppLinks
{
    Uri To(string pathAndQuery);
}
