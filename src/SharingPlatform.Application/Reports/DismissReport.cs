using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Reports;

/// <summary>An administrator dismisses an open report (nothing to act on), with a note the reporter is told. Audit-logged.</summary>
public sealed record DismissReport(Guid Id, string? Note) : ICommand, IReportDecision;

public sealed class DismissReportValidator : ReportDecisionValidator<DismissReport>;

public sealed class DismissReportHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock) : ICommandHandler<DismissReport>
{
    public async ValueTask<Unit> Handle(DismissReport command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await db.DecideAsync(notifier, command.Id, adminId, AuditActions.ReportDismiss, report => report.Dismiss(adminId, command.Note, now), now, cancellationToken);
        return Unit.Value;
    }
}
