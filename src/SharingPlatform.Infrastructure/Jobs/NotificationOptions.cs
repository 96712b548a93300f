namespace SharingPlatform.Infrastructure.Jobs;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the dispatcher looks for due reminders.</summary>
    [Range(1, 30)]
    public int DispatchEveryMinutes { get; set; } = 1;

    /// <summary>The hour (Asia/Seoul) of the administrators' morning digest.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 8;
}
