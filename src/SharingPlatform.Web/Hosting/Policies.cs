namespace SharingPlatform.Web.Hosting;

public static class Policies
{
    public const string Administrator = Roles.Administrator;
}
