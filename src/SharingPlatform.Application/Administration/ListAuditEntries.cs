namespace SharingPlatform.Application.Administration;

/// <summary>
/// The audit log, newest first, filterable by subject type, subject, action, actor and the Seoul dates from and to
/// (both included).
/// </summary>
public sealed record ListAuditEntries(
    string? SubjectType = null, Guid? SubjectId = null, string? Action = null, int Page = 1, int PageSize = 50,
    Guid? ActorId = null, DateOnly? From = null, DateOnly? To = null)
    : IQuery<PagedList<AuditEntryView>>;

/// <summary>One entry; <see cref="SubjectName"/> is the subject's title or name today (null for a report or one deleted since).</summary>
public sealed record AuditEntryView(
    long Id, DateTimeOffset At, Guid ActorId, string ActorName, string Action, string SubjectType, Guid SubjectId, string? Reason,
    string? Before = null, string? After = null, string? SubjectName = null);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

public sealed class ListAuditEntriesHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListAuditEntries, PagedList<AuditEntryView>>
{
    public async ValueTask<PagedList<AuditEntryView>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.SubjectType))
            entries = entries.Where(a => a.SubjectType == query.SubjectType);
        if (query.SubjectId is { } subjectId)
            entries = entries.Where(a => a.SubjectId == subjectId);
        if (!string.IsNullOrEmpty(query.Action))
            entries = entries.Where(a => a.Action == query.Action);
        if (query.ActorId is { } actorId)
            entries = entries.Where(a => a.ActorId == actorId);
        if (query.From is { } from)
        {
            var since = SeoulTime.StartOf(from).ToUniversalTime();
            entries = entries.Where(a => a.At >= since);
        }

        if (query.To is { } to)
        {
            var before = SeoulTime.StartOf(to.AddDays(1)).ToUniversalTime();
            entries = entries.Where(a => a.At < before);
        }

        return await entries
            .OrderByDescending(a => a.Id)
            .Join(db.Users, a => a.ActorId, u => u.Id, (a, u) => new AuditEntryView(a.Id, a.At, a.ActorId, u.DisplayName, a.Action, a.SubjectType, a.SubjectId, a.Reason, a.Before, a.After,
                a.SubjectType == "organization" ? db.Organizations.Where(o => o.Id == a.SubjectId).Select(o => o.Name).FirstOrDefault()
                : a.SubjectType == "resource" ? db.Resources.Where(r => r.Id == a.SubjectId).Select(r => r.Title).FirstOrDefault()
                : a.SubjectType == "lab" ? db.Labs.Where(l => l.Id == a.SubjectId).Select(l => l.Name).FirstOrDefault()
                : a.SubjectType == "circle" ? db.Circles.Where(c => c.Id == a.SubjectId).Select(c => c.Title).FirstOrDefault()
                : a.SubjectType == "proposal" ? db.Proposals.Where(p => p.Id == a.SubjectId).Select(p => p.Title).FirstOrDefault()
                : a.SubjectType == "story" ? db.Stories.Where(s => s.Id == a.SubjectId).Select(s => s.Title).FirstOrDefault()
                : a.SubjectType == "review" ? db.Reviews.Where(r => r.Id == a.SubjectId).Select(r => r.Text.Substring(0, 40)).FirstOrDefault()
                : a.SubjectType == "user" ? db.Users.Where(p => p.Id == a.SubjectId).Select(p => p.DisplayName).FirstOrDefault()
                : a.SubjectType == "change_request" ? db.ChangeRequests.Where(c => c.Id == a.SubjectId)
                    .Select(c => db.Resources.Where(r => r.Id == c.SubjectId).Select(r => r.Title).FirstOrDefault()
                        ?? db.Labs.Where(l => l.Id == c.SubjectId).Select(l => l.Name).FirstOrDefault()).FirstOrDefault()
                : null))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
