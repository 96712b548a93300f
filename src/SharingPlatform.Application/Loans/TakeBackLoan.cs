namespace SharingPlatform.Application.Loans;

/// <summary>
/// The lending desk takes units back: all of them, or some (a partial return). Units back before the return day are free
/// again for the days left. A deposit kept needs a reason.
/// </summary>
public sealed record TakeBackLoan(Guid Id, int Units, string? ConditionNote, bool Damaged, bool DepositReturned, string? Reason) : ICommand<LoanView>;

public sealed class TakeBackLoanValidator : AbstractValidator<TakeBackLoan>
{
    public TakeBackLoanValidator()
    {
        RuleFor(c => c.ConditionNote).MaximumLength(Loan.NoteMaxLength);
        RuleFor(c => c.Reason).MaximumLength(Loan.NoteMaxLength);
    }
}

public sealed class TakeBackLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<TakeBackLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(TakeBackLoan command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var desk = await db.LoadForDeskAsync(command.Id, currentUser, cancellationToken);
        var loan = desk.Loan;
        loan.TakeBack(desk.UserId, command.Units, command.ConditionNote, command.Damaged, command.DepositReturned, command.Reason, now);
        if (loan.Status == LoanStatus.Returned)
            await notices.ReturnedAsync(loan, cancellationToken);
        await db.GiveBackAsync(loan, command.Units, SeoulTime.DateOf(now).AddDays(1), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
