namespace SharingPlatform.Domain.Reports;

public enum ReportSubjectType
{
    Resource,
    Lab,
    Circle,
    Meeting,
    User,
    Proposal,
    Review,
    Story,
}

public enum ReportReason
{
    Spam,
    Inappropriate,
    Fraud,
    Safety,
    Other,
}

public enum ReportStatus
{
    Open,
    Resolved,
    Dismissed,
}

/// <summary>
/// A signed-in person's report of something on the platform. It stays open until an administrator resolves it (acted
/// on) or dismisses it (nothing to do), with a note the reporter is told. The database allows one open report per
/// person and subject; once decided, the person may report the subject again.
/// </summary>
public sealed class Report
{
    public const int DetailsMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    private Report()
    {
    }

    public Guid Id { get; private set; }
    public Guid ReporterId { get; private set; }
    public ReportSubjectType SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public ReportReason Reason { get; private set; }
    public string? Details { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DeciderId { get; private set; }
    public string? Note { get; private set; }

    public static Report File(Guid reporterId, ReportSubjectType subjectType, Guid subjectId, ReportReason reason, string? details, DateTimeOffset now)
    {
        if (subjectType == ReportSubjectType.User && subjectId == reporterId)
            throw new DomainRuleException("cannot_report_yourself", "You cannot report yourself.");
        var trimmed = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (reason == ReportReason.Other && trimmed is null)
            throw new DomainRuleException("report_details_required", "Say what is wrong when the reason is 'other'.");
        if (trimmed is { Length: > DetailsMaxLength })
            throw new DomainRuleException("report_details_too_long", $"Keep the details within {DetailsMaxLength} characters.", DetailsMaxLength);
        return new Report
        {
            Id = Guid.CreateVersion7(now),
            ReporterId = reporterId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Reason = reason,
            Details = trimmed,
            Status = ReportStatus.Open,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>The report was right and an administrator acted on it.</summary>
    public void Resolve(Guid adminId, string? note, DateTimeOffset now) => Decide(ReportStatus.Resolved, adminId, note, now);

    /// <summary>An administrator found nothing to act on.</summary>
    public void Dismiss(Guid adminId, string? note, DateTimeOffset now) => Decide(ReportStatus.Dismissed, adminId, note, now);

    private void Decide(ReportStatus outcome, Guid adminId, string? note, DateTimeOffset now)
    {
        if (Status != ReportStatus.Open)
            throw new IllegalTransitionException("report_already_decided", "This report has already been decided.");
        Note = Common.Reason.Require(note);
        Status = outcome;
        DeciderId = adminId;
        DecidedAt = now.ToUniversalTime();
    }
}
