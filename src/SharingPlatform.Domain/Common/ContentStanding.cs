namespace SharingPlatform.Domain.Common;

/// <summary>
/// Whether the public sees what a person wrote (a proposal, a review): an administrator suspends one that was reported,
/// whatever its status, and may show it again.
/// </summary>
public enum ContentStanding
{
    Shown,
    Suspended,
}
