namespace SharingPlatform.Domain.Common;

/// <summary>The reason a decision needs (a rejection, a suspension): the people affected are told it.</summary>
public static class Reason
{
    public static string Require(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainRuleException("reason_required", "Give a reason.")
            : reason.Trim();
}
