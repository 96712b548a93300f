using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Reports;

/// <summary>An administrator resolves an open report (it was right and they acted on it), with a note the reporter is told. Audit-logged.</summary>
public sealed record ResolveReport(Guid Id, string? Note) : ICommand, IReportDecision;

public sealed class ResolveReportValidator : ReportDecisionValidator<ResolveReport>;

public sealed class ResolveReportHandler(IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, TimeProvider clock) : ICommandHandler<ResolveReport>
{
    public async ValueTask<Unit> Handle(ResolveReport command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        await db.DecideAsync(notifier, command.Id, adminId, AuditActions.ReportResolve, report => report.Resolve(adminId, command.Note, now), now, cancellationToken);
        return Unit.Value;
    }
}
