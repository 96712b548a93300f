namespace SharingPlatform.Domain.Common;

/// <summary>Instants are stored in UTC; people read and type Asia/Seoul wall-clock times.</summary>
public static class SeoulTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static DateTime ToSeoul(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToSeoul(instant));

    /// <summary>The instant (UTC) of a Seoul wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), Zone.GetUtcOffset(date.ToDateTime(time))).ToUniversalTime();

    /// <summary>Midnight at the start of a Seoul date, in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);
}
