namespace SharingPlatform.Domain.Common;

/// <summary>Instants are stored in UTC; people read and type Asia/Seoul wall-clock times.</summary>
public static class SeoulTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static DateTime ToSeoul(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
