using Mediator;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Loans;

/// <summary>A member of the lending organization confirms a requested loan (manual approval).</summary>
public sealed record ApproveLoan(Guid Id) : ICommand<LoanView>;

public sealed class ApproveLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ApproveLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(ApproveLoan command, CancellationToken cancellationToken)
    {
        var (loan, _, userId) = await db.LoadForDeskAsync(command.Id, currentUser, cancellationToken);
        loan.Approve(userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
