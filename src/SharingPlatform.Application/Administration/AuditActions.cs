namespace SharingPlatform.Application.Administration;

/// <summary>Every action the audit log records, as stored, in the order the log's filter offers them.</summary>
public static class AuditActions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "organization.verify", "organization.reject", "organization.suspend", "organization.restore",
        "resource.approve", "resource.reject", "resource.suspend", "resource.restore",
        "change_request.approve", "change_request.reject",
        "lab.approve", "lab.reject", "lab.suspend", "lab.restore",
        "circle.suspend", "circle.restore",
        "story.approve", "story.reject", "story.suspend", "story.restore",
        "proposal.suspend", "proposal.restore",
        "review.suspend", "review.restore",
        "report.resolve", "report.dismiss",
        "user.suspend", "user.restore", "user.lift-pause",
    ];
}
