using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// A resident asks for <see cref="Units"/> units of a lent resource from the pick-up day to the return day. Confirmed at
/// once or requested (manual approval); 409 <c>units_unavailable</c> naming the days that are short; 422 with the rule's
/// code. One person's requests take turns on their row, so the per-person cap holds under races.
/// </summary>
public sealed record RequestLoan(Guid ResourceId, int Units, DateOnly PickupOn, DateOnly ReturnOn, string? Purpose) : ICommand<LoanView>;

public sealed class RequestLoanValidator : AbstractValidator<RequestLoan>
{
    public RequestLoanValidator()
    {
        RuleFor(c => c.ResourceId).NotEmpty();
        RuleFor(c => c.Units).InclusiveBetween(1, Domain.Resources.LendingPolicy.MaxUnits);
        RuleFor(c => c.PickupOn).NotEmpty();
        RuleFor(c => c.ReturnOn).NotEmpty();
        RuleFor(c => c.Purpose).MaximumLength(Loan.PurposeMaxLength);
    }
}

public sealed class RequestLoanHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock) : ICommandHandler<RequestLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(RequestLoan command, CancellationToken cancellationToken)
    {
        var borrowerId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var resource = await db.PubliclyVisible().AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ResourceId, cancellationToken)
            ?? throw ResourceAccess.NotFound();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var borrower = await db.LockUserAsync(borrowerId, cancellationToken);
        await db.RefuseIfSuspendedAsync(borrowerId, shareRow: false, cancellationToken);
        var held = await db.Loans.Where(l => l.ResourceId == resource.Id && l.BorrowerId == borrowerId && Loan.Holding.Contains(l.Status))
            .SumAsync(l => l.Units, cancellationToken);
        var loan = Loan.Request(resource, borrowerId, command.Units, command.PickupOn, command.ReturnOn, command.Purpose ?? "",
            new LoanStanding(held, borrower.BookingPausedUntil), now);
        await db.LendAsync(resource, loan, cancellationToken);
        await notices.RequestedAsync(loan, resource.Title, resource.OrganizationId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LoanView.From(loan, resource.Title);
    }
}
