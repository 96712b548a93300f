namespace SharingPlatform.Application.Loans;

/// <summary>The caller's loans, by pick-up day.</summary>
public sealed record ListMyLoans(int Page = 1, int PageSize = 20) : IQuery<PagedList<LoanListItem>>;

public sealed class ListMyLoansValidator : AbstractValidator<ListMyLoans>
{
    public ListMyLoansValidator() => this.ValidPage(q => q.Page, q => q.PageSize);
}

public sealed class ListMyLoansHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListMyLoans, PagedList<LoanListItem>>
{
    public async ValueTask<PagedList<LoanListItem>> Handle(ListMyLoans query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.Loans.Where(l => l.BorrowerId == userId).ToPagedListAsync(db.Items, query.Page, query.PageSize, cancellationToken);
    }
}
