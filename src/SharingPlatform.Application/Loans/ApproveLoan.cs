namespace SharingPlatform.Application.Loans;

/// <summary>A member of the lending organization confirms a requested loan (manual approval).</summary>
public sealed record ApproveLoan(Guid Id) : ICommand<LoanView>;

public sealed class ApproveLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<ApproveLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(ApproveLoan command, CancellationToken cancellationToken)
    {
        var desk = await db.LoadForDeskAsync(command.Id, currentUser, cancellationToken);
        var (loan, now) = (desk.Loan, clock.GetUtcNow());
        loan.Approve(desk.UserId, now);
        await notices.ConfirmedAsync(loan, desk.Title, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
