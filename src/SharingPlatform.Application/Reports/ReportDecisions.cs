using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Reports;

/// <summary>An administrator's decision on one report, with the note the reporter is told.</summary>
public interface IReportDecision
{
    Guid Id { get; }
    string? Note { get; }
}

public abstract class ReportDecisionValidator<T> : AbstractValidator<T>
    where T : IReportDecision
{
    protected ReportDecisionValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Note).NotEmpty().MaximumLength(Report.NoteMaxLength);
    }
}

/// <summary>
/// What resolving and dismissing share: the report's row locked (<c>FOR UPDATE</c>) so two administrators deciding at
/// once decide one after the other and the later one is refused (409), then the audit entry and the reporter's
/// notification in the same transaction.
/// </summary>
public static class ReportDecisions
{
    public static async Task DecideAsync(
        this IApplicationDbContext db, Notifier notifier, Guid reportId, Guid adminId, string action, Action<Report> decide, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await db.Reports.FromSql($"SELECT * FROM reports WHERE id = {reportId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            ?? throw ReportSubjects.ReportNotFound();
        decide(report);
        db.AuditEntries.Add(AuditEntry.Record(adminId, action, "report", report.Id, report.Note, now));
        var titles = await db.TitlesAsync([(report.SubjectType, report.SubjectId)], cancellationToken);
        var title = titles.GetValueOrDefault((report.SubjectType, report.SubjectId), "—");
        var reporter = await notifier.PeopleAsync([report.ReporterId], cancellationToken);
        notifier.Notify(reporter, NotificationKind.ReportDecided, report.Id, now, language => Words(report, title, language),
            ReportSubjects.Link(report.SubjectType, report.SubjectId), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NoticeText Words(Report report, string title, Language language)
    {
        var resolved = report.Status == ReportStatus.Resolved;
        return resolved
            ? new NoticeText(Texts.Get(language, "Notice_ReportResolved_Title", title),
                Texts.Get(language, "Notice_ReportResolved_Body", title) + Texts.Get(language, "ReportNote", report.Note))
            : new NoticeText(Texts.Get(language, "Notice_ReportDismissed_Title", title),
                Texts.Get(language, "Notice_ReportDismissed_Body", title) + Texts.Get(language, "ReportNote", report.Note));
    }
}
