namespace SharingPlatform.Web.Hosting;

/// <summary>A wait as a <c>Retry-After</c> header (whole seconds, rounded up) and as whole minutes for people.</summary>
public static class RetryAfter
{
    public static string Seconds(TimeSpan wait) => ((long)Math.Ceiling(Math.Max(wait.TotalSeconds, 1))).ToString(CultureInfo.InvariantCulture);

    public static int Minutes(TimeSpan wait) => (int)Math.Ceiling(Math.Max(wait.TotalMinutes, 1));
}
