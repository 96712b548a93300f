namespace SharingPlatform.Domain.ChangeRequests;

public enum ChangeSubjectKind
{
    Resource,
    Lab,
}

public enum ChangeRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A proposed change to the public content of a published resource or lab (a "byeongyeong yocheong"): the approved version stays live
/// until an administrator approves it. pending → approved | rejected; one pending request per subject, and saving again
/// while one is pending replaces what it proposes. <see cref="ProposedContent"/> is the whole proposed content as JSON,
/// in the shape the subject's edit form sends.
/// </summary>
public sealed class ChangeRequest
{
    private ChangeRequest()
    {
    }

    public Guid Id { get; private set; }
    public ChangeSubjectKind SubjectKind { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string ProposedContent { get; private set; } = "{}";
    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ChangeRequestStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Reason { get; private set; }
    public uint Version { get; private set; }

    public static ChangeRequest Submit(ChangeSubjectKind kind, Guid subjectId, Guid organizationId, string proposedContent, Guid submittedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubjectKind = kind,
        SubjectId = subjectId,
        OrganizationId = organizationId,
        ProposedContent = proposedContent,
        SubmittedBy = submittedBy,
        SubmittedAt = now.ToUniversalTime(),
        Status = ChangeRequestStatus.Pending,
    };

    /// <summary>Saving again while the request waits: it now proposes this, submitted by whoever saved last.</summary>
    public void Replace(string proposedContent, Guid submittedBy, DateTimeOffset now)
    {
        RequirePending();
        ProposedContent = proposedContent;
        SubmittedBy = submittedBy;
        SubmittedAt = now.ToUniversalTime();
    }

    public void Approve(Guid administratorId, string? reason, DateTimeOffset now) => Decide(ChangeRequestStatus.Approved, administratorId, reason, now);

    public void Reject(Guid administratorId, string reason, DateTimeOffset now) =>
        Decide(ChangeRequestStatus.Rejected, administratorId, SharingPlatform.Domain.Common.Reason.Require(reason), now);

    private void Decide(ChangeRequestStatus to, Guid administratorId, string? reason, DateTimeOffset now)
    {
        RequirePending();
        Status = to;
        DecidedBy = administratorId;
        DecidedAt = now.ToUniversalTime();
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private void RequirePending()
    {
        if (Status != ChangeRequestStatus.Pending)
            throw new DomainRuleException("change_request_not_pending", $"The change request is {Status}, not pending.");
    }
}
