namespace SharingPlatform.Application.Loans;

/// <summary>A member of the lending organization turns a requested loan down, saying why: its units are free again at once.</summary>
public sealed record RejectLoan(Guid Id, string? Reason) : ICommand<LoanView>;

public sealed class RejectLoanValidator : AbstractValidator<RejectLoan>
{
    public RejectLoanValidator() => RuleFor(c => c.Reason).MaximumLength(Loan.NoteMaxLength);
}

public sealed class RejectLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<RejectLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(RejectLoan command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var desk = await db.LoadForDeskAsync(command.Id, currentUser, cancellationToken);
        var (loan, now) = (desk.Loan, clock.GetUtcNow());
        loan.Reject(desk.UserId, command.Reason ?? "", now);
        await notices.RejectedAsync(loan, desk.Title, now, cancellationToken);
        await db.GiveBackAsync(loan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
