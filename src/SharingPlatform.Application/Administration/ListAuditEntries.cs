using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Administration;

/// <summary>The audit log, newest first, filterable by subject type, subject and action.</summary>
public sealed record ListAuditEntries(string? SubjectType = null, Guid? SubjectId = null, string? Action = null, int Page = 1, int PageSize = 50)
    : IQuery<PagedList<AuditEntryView>>;

public sealed record AuditEntryView(long Id, DateTimeOffset At, Guid ActorId, string ActorName, string Action, string SubjectType, Guid SubjectId, string? Reason);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
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
        return await entries
            .OrderByDescending(a => a.Id)
            .Join(db.Users, a => a.ActorId, u => u.Id, (a, u) => new AuditEntryView(a.Id, a.At, a.ActorId, u.DisplayName, a.Action, a.SubjectType, a.SubjectId, a.Reason))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
