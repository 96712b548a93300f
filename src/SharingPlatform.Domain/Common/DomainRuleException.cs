namespace SharingPlatform.Domain.Common;

/// <summary>
/// A domain rule refused an action (→ 422). <see cref="Code"/> is stable and machine-readable; <see cref="Arguments"/>
/// are the values the message names (a number of minutes, a date), so a page can word it in its own language.
/// </summary>
public class DomainRuleException(string code, string message, params object[] arguments) : Exception(message)
{
    public string Code { get; } = code;
    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>The thing is not in a state that allows this move (a booking already cancelled, not pending…) (→ 409).</summary>
public sealed class IllegalTransitionException(string code, string message) : DomainRuleException(code, message);
