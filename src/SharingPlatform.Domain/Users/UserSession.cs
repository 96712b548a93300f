namespace SharingPlatform.Domain.Users;

/// <summary>
/// One signed-in session (a browser's cookie or an app's bearer and refresh tokens), named by the <c>sid</c> claim the
/// sign-in puts in the cookie or token. Signing out revokes it, so a copied cookie or token is refused afterwards. A
/// bearer session's refresh tokens form one chain: each refresh moves <see cref="RefreshGeneration"/> on, and a refresh
/// token of an older generation coming back means it was copied.
/// </summary>
public sealed class UserSession
{
    /// <summary>How long a session lasts without being used (the cookie's and the refresh token's lifetime).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(14);

    /// <summary>Revoked or expired sessions are kept this long (for the person's own history), then deleted.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(30);

    private UserSession()
    {
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The generation of the one refresh token of this session that may still be used.</summary>
    public int RefreshGeneration { get; private set; }

    public static UserSession Start(Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        CreatedAt = now.ToUniversalTime(),
        LastSeenAt = now.ToUniversalTime(),
        ExpiresAt = (now + IdleLifetime).ToUniversalTime(),
    };
}
