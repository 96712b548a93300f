namespace SharingPlatform.Application.Loans;

/// <summary>The borrower, or the desk saying why, calls a loan off before the units go out: they are free again at once.</summary>
public sealed record CancelLoan(Guid Id, string? Reason) : ICommand<LoanView>;

public sealed class CancelLoanValidator : AbstractValidator<CancelLoan>
{
    public CancelLoanValidator() => RuleFor(c => c.Reason).MaximumLength(Loan.NoteMaxLength);
}

public sealed class CancelLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<CancelLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(CancelLoan command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (loan, userId, isDesk) = await db.LoadAsync(command.Id, currentUser, cancellationToken);
        if (loan.BorrowerId != userId && !isDesk)
            throw new ForbiddenException(Texts.Get("OnlyBorrowerOrDeskCancels"));
        var now = clock.GetUtcNow();
        loan.Cancel(userId, loan.BorrowerId == userId ? command.Reason : Domain.Common.Reason.Require(command.Reason), now);
        await db.GiveBackAsync(loan, cancellationToken);
        var resource = await db.Resources.Where(r => r.Id == loan.ResourceId).Select(r => new { r.Title, r.OrganizationId }).SingleAsync(cancellationToken);
        await notices.CancelledAsync(loan, resource.Title, resource.OrganizationId, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
