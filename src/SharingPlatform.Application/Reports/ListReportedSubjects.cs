namespace SharingPlatform.Application.Reports;

/// <summary>
/// The administrators' report queue: subjects with open reports, the one waiting longest first, each with how many open
/// reports it has and which reasons. Filtered by subject type and by a reason any of its open reports gives.
/// </summary>
public sealed record ListReportedSubjects(ReportSubjectType? SubjectType = null, ReportReason? Reason = null, int Page = 1, int PageSize = 50)
    : IQuery<PagedList<ReportedSubject>>;

public sealed record ReportedSubject(
    ReportSubjectType SubjectType, Guid SubjectId, string Title, int OpenCount, DateTimeOffset OldestAt, IReadOnlyList<ReportReason> Reasons);

public sealed class ListReportedSubjectsValidator : AbstractValidator<ListReportedSubjects>
{
    public ListReportedSubjectsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.SubjectType).IsInEnum();
        RuleFor(q => q.Reason).IsInEnum();
    }
}

public sealed class ListReportedSubjectsHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListReportedSubjects, PagedList<ReportedSubject>>
{
    public async ValueTask<PagedList<ReportedSubject>> Handle(ListReportedSubjects query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var groups = await db.OpenReportGroups(query.SubjectType, query.Reason).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var subjects = await db.DescribeAsync(groups.Items, cancellationToken);
        return new PagedList<ReportedSubject>(subjects, groups.Page, groups.PageSize, groups.TotalCount);
    }
}

public sealed record OpenReportGroup(ReportSubjectType SubjectType, Guid SubjectId, int OpenCount, DateTimeOffset OldestAt);

public static class ReportGroups
{
    /// <summary>Open reports grouped by subject, oldest first.</summary>
    public static IQueryable<OpenReportGroup> OpenReportGroups(this IApplicationDbContext db, ReportSubjectType? type = null, ReportReason? reason = null)
    {
        var open = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open);
        if (type is { } t)
            open = open.Where(r => r.SubjectType == t);
        if (reason is { } why)
            open = open.Where(r => db.Reports.Any(o => o.Status == ReportStatus.Open && o.SubjectType == r.SubjectType && o.SubjectId == r.SubjectId && o.Reason == why));
        return open
            .GroupBy(r => new { r.SubjectType, r.SubjectId })
            .Select(g => new { g.Key.SubjectType, g.Key.SubjectId, Count = g.Count(), OldestAt = g.Min(r => r.CreatedAt) })
            .OrderBy(g => g.OldestAt).ThenBy(g => g.SubjectId)
            .Select(g => new OpenReportGroup(g.SubjectType, g.SubjectId, g.Count, g.OldestAt));
    }

    /// <summary>The groups with their subjects' titles and the reasons their open reports give.</summary>
    public static async Task<List<ReportedSubject>> DescribeAsync(
        this IApplicationDbContext db, IReadOnlyList<OpenReportGroup> groups, CancellationToken cancellationToken)
    {
        var titles = await db.TitlesAsync(groups.Select(g => (g.SubjectType, g.SubjectId)), cancellationToken);
        var ids = groups.Select(g => g.SubjectId).ToList();
        var reasons = (await db.Reports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Open && ids.Contains(r.SubjectId))
                .Select(r => new { r.SubjectType, r.SubjectId, r.Reason })
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToLookup(r => (r.SubjectType, r.SubjectId), r => r.Reason);
        return groups.Select(g => new ReportedSubject(
                g.SubjectType, g.SubjectId, titles.GetValueOrDefault((g.SubjectType, g.SubjectId), "—"), g.OpenCount, g.OldestAt,
                reasons[(g.SubjectType, g.SubjectId)].Order().ToList()))
            .ToList();
    }
}
