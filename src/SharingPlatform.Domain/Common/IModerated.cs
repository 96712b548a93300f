namespace SharingPlatform.Domain.Common;

/// <summary>
/// What administrators can suspend and restore: organizations, resources, labs and circles. Each refuses a decision its
/// state does not allow with a rule code of its own.
/// </summary>
public interface IModerated
{
    Guid Id { get; }

    Enum Status { get; }

    void Suspend(string reason);

    /// <summary>Circles keep the reason of a restore; the others forget the suspension's.</summary>
    void Restore(string? reason);
}

/// <summary>What an administrator reviews before the public sees it: organizations, resources and labs.</summary>
public interface IReviewed : IModerated
{
    void Approve();

    void Reject(string reason);
}
