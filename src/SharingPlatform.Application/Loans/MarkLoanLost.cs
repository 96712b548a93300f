namespace SharingPlatform.Application.Loans;

/// <summary>
/// A member of the lending organization writes off the units of a loan overdue by more than
/// <see cref="Loan.LostAfterDays"/> days, saying why; nothing more is sent about it, and its units are no longer held
/// from tomorrow on (the desk takes lost units out of service or lends fewer).
/// </summary>
public sealed record MarkLoanLost(Guid Id, string? Reason) : ICommand<LoanView>;

public sealed class MarkLoanLostValidator : AbstractValidator<MarkLoanLost>
{
    public MarkLoanLostValidator() => RuleFor(c => c.Reason).MaximumLength(Loan.NoteMaxLength);
}

public sealed class MarkLoanLostHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<MarkLoanLost, LoanView>
{
    public async ValueTask<LoanView> Handle(MarkLoanLost command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var desk = await db.LoadForDeskAsync(command.Id, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        desk.Loan.MarkLost(desk.UserId, command.Reason ?? "", now);
        await notices.ReturnedAsync(desk.Loan, cancellationToken);
        await db.GiveBackAsync(desk.Loan, desk.Loan.UnitsStillOut, SeoulTime.DateOf(now).AddDays(1), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.ViewAsync(desk.Loan, cancellationToken);
    }
}
