namespace SharingPlatform.Web.Hosting;

public static class ApiPaths
{
    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
