using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>The caller's circles: those they host or belong to, and requests still waiting; hosted first, then by name.</summary>
public sealed record ListMyCircles(int Page = 1, int PageSize = 20) : IQuery<PagedList<MyCircle>>;

public sealed record MyCircle(CircleSummary Circle, MemberRole Role, MemberStatus Status);

public sealed class ListMyCirclesValidator : AbstractValidator<ListMyCircles>
{
    public ListMyCirclesValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyCirclesHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListMyCircles, PagedList<MyCircle>>
{
    public async ValueTask<PagedList<MyCircle>> Handle(ListMyCircles query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var memberships = db.CircleMembers.AsNoTracking()
            .Where(m => m.UserId == userId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Pending));
        var circles = db.Circles.AsNoTracking().Where(c => memberships.Any(m => m.CircleId == c.Id
            && (c.Status == CircleStatus.Active || (m.Status == MemberStatus.Active && (m.Role == MemberRole.Host || m.Role == MemberRole.CoHost)))));
        var page = await db.Summaries(circles.OrderBy(c => c.HostId == userId ? 0 : 1).ThenBy(c => c.Title).ThenBy(c => c.Id), clock.GetUtcNow())
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var ids = page.Items.Select(c => c.Id).ToList();
        var mine = await memberships.Where(m => ids.Contains(m.CircleId)).ToDictionaryAsync(m => m.CircleId, cancellationToken);
        return new PagedList<MyCircle>(
            page.Items.Select(c => new MyCircle(c, mine[c.Id].Role, mine[c.Id].Status)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}
