namespace SharingPlatform.Domain.Common;

/// <summary>A domain rule refused an action. <see cref="Code"/> is stable and machine-readable.</summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
