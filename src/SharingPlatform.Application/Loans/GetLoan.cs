namespace SharingPlatform.Application.Loans;

/// <summary>One loan with its steps, for its borrower, the lending organization's members and administrators.</summary>
public sealed record GetLoan(Guid Id) : IQuery<LoanView>;

public sealed class GetLoanHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(GetLoan query, CancellationToken cancellationToken)
    {
        var (loan, _, _) = await db.LoadAsync(query.Id, currentUser, cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
