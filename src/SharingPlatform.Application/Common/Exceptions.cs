namespace SharingPlatform.Application.Common;

/// <summary>No such thing, or one the caller may not see (→ 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Signed in, but the role forbids it, for a thing the caller may see (→ 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A conflict with existing state (→ 409), with a stable <see cref="Code"/> where a client acts on it.</summary>
public class ConflictException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}

/// <summary>The use case needs a signed-in person (→ 401).</summary>
public sealed class NotSignedInException() : Exception("Sign in first.");

/// <summary>The server is busy with work of this kind (→ 503 with Retry-After); the same request may succeed later.</summary>
public sealed class ServiceBusyException(TimeSpan retryAfter) : Exception("The server is busy. Try again shortly.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A refusal that names more than its code: the extra fields of its problem details (the dates that were taken…).</summary>
public interface IRefusalDetails
{
    IReadOnlyDictionary<string, object?> ProblemFields { get; }
}
