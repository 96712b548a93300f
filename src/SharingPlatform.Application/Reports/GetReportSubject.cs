namespace SharingPlatform.Application.Reports;

/// <summary>What a person is about to report, as they may see it (404 otherwise): for the report form.</summary>
public sealed record GetReportSubject(ReportSubjectType SubjectType, Guid SubjectId) : IQuery<ReportSubjectView>;

public sealed record ReportSubjectView(ReportSubjectType SubjectType, Guid SubjectId, string Title, string? Link);

public sealed class GetReportSubjectHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetReportSubject, ReportSubjectView>
{
    public async ValueTask<ReportSubjectView> Handle(GetReportSubject query, CancellationToken cancellationToken)
    {
        await db.RequireVisibleAsync(query.SubjectType, query.SubjectId, currentUser, cancellationToken);
        var titles = await db.TitlesAsync([(query.SubjectType, query.SubjectId)], cancellationToken);
        var link = query.SubjectType == ReportSubjectType.User ? null : ReportSubjects.Link(query.SubjectType, query.SubjectId);
        return new ReportSubjectView(query.SubjectType, query.SubjectId, titles[(query.SubjectType, query.SubjectId)], link);
    }
}
