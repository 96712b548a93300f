namespace SharingPlatform.Domain.Audit;

/// <summary>One administrative decision: who, what, on which thing, why, when. The table refuses UPDATE and DELETE.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ActorId { get; private set; }
    public string Action { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The subject's state before and after the decision ("verified" → "suspended").</summary>
    public string? Before { get; private set; }

    public string? After { get; private set; }

    public static AuditEntry Record(Guid actorId, string action, string subjectType, Guid subjectId, string? reason, DateTimeOffset now, string? before = null, string? after = null) => new()
    {
        At = now.ToUniversalTime(),
        ActorId = actorId,
        Action = action,
        SubjectType = subjectType,
        SubjectId = subjectId,
        Reason = reason,
        Before = before,
        After = after,
    };
}
