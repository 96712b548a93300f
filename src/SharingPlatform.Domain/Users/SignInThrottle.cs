namespace SharingPlatform.Domain.Users;

/// <summary>
/// Failed sign-ins for one email address from one client address. After <see cref="FreeFailures"/> failures that
/// address must wait before trying that email again, 1, 2, 4 … minutes (at most <see cref="LongestWait"/>), while the
/// owner signing in from anywhere else is not held up: nobody can lock another person out. A success from the address
/// clears it. The row is keyed by the normalized email whether or not an account has it, so it says nothing about who
/// is registered.
/// </summary>
public sealed class SignInThrottle
{
    public const int FreeFailures = 5;
    public const int EmailMaxLength = 256;
    public const int AddressMaxLength = 64;
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Rows untouched this long are deleted.</summary>
    public static readonly TimeSpan KeptAfterLastFailure = TimeSpan.FromDays(1);

    private SignInThrottle()
    {
    }

    public string NormalizedEmail { get; private set; } = "";
    public string ClientAddress { get; private set; } = "";
    public int Failures { get; private set; }
    public DateTimeOffset LastFailureAt { get; private set; }
    public DateTimeOffset? BlockedUntil { get; private set; }

    /// <summary>How long the address waits after its <paramref name="failures"/>th failure (nothing before the fifth).</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures < FreeFailures)
            return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeFailures, 6);
        var wait = TimeSpan.FromMinutes(1 << doublings);
        return wait < LongestWait ? wait : LongestWait;
    }
}
