namespace SharingPlatform.Application.Reports;

/// <summary>One subject's reports in every state, newest first, with who reported and who decided; for administrators.</summary>
public sealed record GetReportedSubject(ReportSubjectType SubjectType, Guid SubjectId) : IQuery<ReportedSubjectDetails>;

public sealed record ReportedSubjectDetails(
    ReportSubjectType SubjectType, Guid SubjectId, string Title, string Link, IReadOnlyList<ReportView> Reports);

public sealed record ReportView(
    Guid Id, Guid ReporterId, string ReporterName, ReportReason Reason, string? Details, ReportStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, string? DeciderName, string? Note);

public sealed class GetReportedSubjectHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetReportedSubject, ReportedSubjectDetails>
{
    public async ValueTask<ReportedSubjectDetails> Handle(GetReportedSubject query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var titles = await db.TitlesAsync([(query.SubjectType, query.SubjectId)], cancellationToken);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.SubjectType == query.SubjectType && r.SubjectId == query.SubjectId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReportView(
                r.Id, r.ReporterId, db.Users.Where(u => u.Id == r.ReporterId).Select(u => u.DisplayName).Single(), r.Reason, r.Details, r.Status,
                r.CreatedAt, r.DecidedAt, db.Users.Where(u => u.Id == r.DeciderId).Select(u => u.DisplayName).SingleOrDefault(), r.Note))
            .Take(500)
            .ToListAsync(cancellationToken);
        if (!titles.TryGetValue((query.SubjectType, query.SubjectId), out var title) && reports.Count == 0)
            throw ReportSubjects.NotFound();
        return new ReportedSubjectDetails(query.SubjectType, query.SubjectId, title ?? "—", ReportSubjects.Link(query.SubjectType, query.SubjectId), reports);
    }
}
