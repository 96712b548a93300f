namespace SharingPlatform.Application.Loans;

/// <summary>
/// The lending desk gives the units out, from the pick-up day on: by label where the resource labels its units, with a
/// note on their condition and whether the deposit was received.
/// </summary>
public sealed record HandOverLoan(Guid Id, IReadOnlyList<string>? UnitLabels, string? ConditionNote, bool DepositReceived) : ICommand<LoanView>;

public sealed class HandOverLoanValidator : AbstractValidator<HandOverLoan>
{
    public HandOverLoanValidator() => RuleFor(c => c.ConditionNote).MaximumLength(Loan.NoteMaxLength);
}

public sealed class HandOverLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<HandOverLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(HandOverLoan command, CancellationToken cancellationToken)
    {
        var desk = await db.LoadForDeskAsync(command.Id, currentUser, cancellationToken);
        var (loan, now) = (desk.Loan, clock.GetUtcNow());
        loan.HandOver(desk.UserId, desk.Lending, command.UnitLabels, command.ConditionNote, command.DepositReceived, now);
        await notices.HandedOverAsync(loan, desk.OrganizationId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(loan, cancellationToken);
    }
}
