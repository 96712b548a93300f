namespace SharingPlatform.Application.Loans;

/// <summary>The deposit of each of the caller's loans among <see cref="Ids"/>, for the "my loans" page (the list items carry none).</summary>
public sealed record ListMyLoanDeposits(IReadOnlyList<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, int>>;

public sealed class ListMyLoanDepositsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListMyLoanDeposits, IReadOnlyDictionary<Guid, int>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, int>> Handle(ListMyLoanDeposits query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.Loans.AsNoTracking().Where(l => l.BorrowerId == userId && query.Ids.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.DepositWon, cancellationToken);
    }
}
