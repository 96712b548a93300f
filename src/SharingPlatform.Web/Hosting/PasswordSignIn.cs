namespace SharingPlatform.Web.Hosting;

/// <summary>What a sign-in with a password came to.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown email or wrong password (or both): the same answer, in the same time.</summary>
    Failed,

    /// <summary>Too many failures for this email from this address: wait <see cref="SignInAttempt.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>The password was right, the email is not confirmed yet.</summary>
    NotConfirmed,

    /// <summary>The password was right, the account is suspended.</summary>
    Suspended,
}

public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Sign-in with email and password, for the API's bearer tokens and the pages' cookie alike. It says nothing about who
/// is registered: an unknown email costs the same password check (against a fixed dummy hash) and gets the same answer as
/// a wrong password; "confirm your email" and "suspended" are said only to whoever knows the password. Failures count
/// per (email, client address) in the database (<see cref="SignInThrottle"/>), so one address guessing is held back
/// while the owner, from elsewhere, still gets in; no account is ever locked. Each success starts a
/// <see cref="UserSession"/> whose id goes into the cookie or token as the <c>sid</c> claim.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<User> signIn, IApplicationDbContext db, IPasswordHasher<User> hasher, IHttpContextAccessor accessor, TimeProvider clock)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<User>().HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public async Task<SignInAttempt> SignInAsync(string email, string password, bool persistent, string scheme, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = (signIn.UserManager.NormalizeEmail(email.Trim()) ?? "").Truncate(SignInThrottle.EmailMaxLength);
        var address = ClientAddress();

        var blockedUntil = await db.SignInThrottles.AsNoTracking()
            .Where(t => t.NormalizedEmail == normalized && t.ClientAddress == address && t.BlockedUntil > now)
            .Select(t => t.BlockedUntil).FirstOrDefaultAsync(cancellationToken);
        if (blockedUntil is { } until)
            return new SignInAttempt(SignInOutcome.Throttled, until - now);

        var user = normalized.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(email.Trim());
        bool passwordRight;
        if (user is null)
        {
            // As long as checking a real password, so the time taken does not tell that nobody has this email.
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            passwordRight = false;
        }
        else
        {
            passwordRight = await signIn.UserManager.CheckPasswordAsync(user, password);
        }

        if (!passwordRight)
        {
            var wait = await CountFailureAsync(normalized, address, now, cancellationToken);
            return wait > TimeSpan.Zero ? new SignInAttempt(SignInOutcome.Throttled, wait) : new SignInAttempt(SignInOutcome.Failed);
        }

        await db.SignInThrottles.Where(t => t.NormalizedEmail == normalized && t.ClientAddress == address).ExecuteDeleteAsync(cancellationToken);
        if (user!.IsSuspended)
            return new SignInAttempt(SignInOutcome.Suspended);
        if (!await signIn.CanSignInAsync(user))
            return new SignInAttempt(SignInOutcome.NotConfirmed);

        var session = UserSession.Start(user.Id, now);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user, persistent, [.. SessionClaims.For(session.Id, session.RefreshGeneration), new("amr", "pwd")]);
        return new SignInAttempt(SignInOutcome.SignedIn);
    }

    private string ClientAddress()
    {
        var ip = accessor.HttpContext?.Connection.RemoteIpAddress;
        if (ip is { IsIPv4MappedToIPv6: true })
            ip = ip.MapToIPv4();
        return (ip ?? IPAddress.None).ToString().Truncate(SignInThrottle.AddressMaxLength);
    }

    /// <summary>One more failure, counted in one statement so app nodes and parallel requests never lose one.</summary>
    private async Task<TimeSpan> CountFailureAsync(string email, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgetBefore = now - SignInThrottle.KeptAfterLastFailure;
        var failures = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_throttles AS t (normalized_email, client_address, failures, last_failure_at)
            VALUES ({email}, {address}, 1, {now})
            ON CONFLICT (normalized_email, client_address) DO UPDATE
            SET failures = CASE WHEN t.last_failure_at < {forgetBefore} THEN 1 ELSE t.failures + 1 END,
                last_failure_at = excluded.last_failure_at
            RETURNING t.failures AS "Value"
            """).ToListAsync(cancellationToken);
        var wait = SignInThrottle.WaitAfter(failures.Single());
        if (wait > TimeSpan.Zero)
        {
            var until = now + wait;
            await db.SignInThrottles.Where(t => t.NormalizedEmail == email && t.ClientAddress == address)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, until), cancellationToken);
        }

        return wait;
    }
}

internal static class StringTruncation
{
    public static string Truncate(this string text, int max) => text.Length <= max ? text : text[..max];
}
