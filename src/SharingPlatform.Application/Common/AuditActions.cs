namespace SharingPlatform.Application.Common;

/// <summary>
/// Every action the audit log records, as stored, in the order the log's filter offers them. The moderation decisions'
/// actions are made from their subject and verdict (<c>ModerationActions.AuditAction</c>); the others are named here.
/// </summary>
public static class AuditActions
{
    public const string ChangeRequestApprove = "change_request.approve";
    public const string ChangeRequestReject = "change_request.reject";
    public const string ReportResolve = "report.resolve";
    public const string ReportDismiss = "report.dismiss";
    public const string UserSuspend = "user.suspend";
    public const string UserRestore = "user.restore";
    public const string UserLiftPause = "user.lift-pause";

    public static IReadOnlyList<string> All { get; } =
    [
        "organization.verify", "organization.reject", "organization.suspend", "organization.restore",
        "resource.approve", "resource.reject", "resource.suspend", "resource.restore",
        ChangeRequestApprove, ChangeRequestReject,
        "lab.approve", "lab.reject", "lab.suspend", "lab.restore",
        "circle.suspend", "circle.restore",
        "story.approve", "story.reject", "story.suspend", "story.restore",
        "proposal.suspend", "proposal.restore",
        "review.suspend", "review.restore",
        ReportResolve, ReportDismiss,
        UserSuspend, UserRestore, UserLiftPause,
    ];
}
