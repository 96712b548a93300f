namespace SharingPlatform.Application.Labs;

/// <summary>The labs the signed-in person runs (named a manager, or an owner of the organization), in every state: the console's start.</summary>
public sealed record ListMyLabs(int Page = 1, int PageSize = 20) : IQuery<PagedList<LabSummary>>;

public sealed class ListMyLabsValidator : AbstractValidator<ListMyLabs>
{
    public ListMyLabsValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyLabsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListMyLabs, PagedList<LabSummary>>
{
    public async ValueTask<PagedList<LabSummary>> Handle(ListMyLabs query, CancellationToken cancellationToken)
    {
        var labs = db.ManagedBy(currentUser.RequireId()).AsNoTracking().OrderBy(l => l.Name).ThenBy(l => l.Id);
        return await db.Summaries(labs, clock.GetUtcNow()).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
