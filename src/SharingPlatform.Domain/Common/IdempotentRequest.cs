namespace SharingPlatform.Domain.Common;

/// <summary>
/// A request that creates something, sent by a person with an <c>Idempotency-Key</c>: its first successful answer, kept
/// for <see cref="KeptFor"/>, so that a client retrying after a lost answer gets that answer again instead of a second
/// booking. The row is claimed before the request runs; <see cref="Status"/> stays empty until the answer is known.
/// </summary>
public sealed class IdempotentRequest
{
    public const int KeyMaxLength = 255;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    private IdempotentRequest()
    {
    }

    public Guid UserId { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public byte[] RequestHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
    public int? Status { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[]? Body { get; private set; }

    /// <summary>1 to 255 visible ASCII characters, as the IETF draft's header allows.</summary>
    public static bool IsValidKey(string key) => key.Length is >= 1 and <= KeyMaxLength && key.All(c => c is >= '!' and <= '~');
}
