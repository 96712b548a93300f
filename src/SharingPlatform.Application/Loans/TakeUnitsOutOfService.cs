using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// A member of the lending organization takes units out of service (broken, lost, in repair) from the first to the last
/// day, with a reason; a labelled unit by its label. No loan is promised them on those days. Loans requested or confirmed
/// before, on days now short, are answered as at risk and their borrowers are told that the desk will confirm.
/// </summary>
public sealed record TakeUnitsOutOfService(Guid ResourceId, int Units, string? UnitLabel, DateOnly FirstDay, DateOnly LastDay, string? Reason)
    : ICommand<UnitsTakenOutOfService>;

public sealed record UnitsTakenOutOfService(UnitOutageView Outage, IReadOnlyList<LoanView> LoansAtRisk);

public sealed class TakeUnitsOutOfServiceValidator : AbstractValidator<TakeUnitsOutOfService>
{
    public TakeUnitsOutOfServiceValidator()
    {
        RuleFor(c => c.Units).InclusiveBetween(1, Domain.Resources.LendingPolicy.MaxUnits);
        RuleFor(c => c.FirstDay).NotEmpty();
        RuleFor(c => c.LastDay).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Loan.NoteMaxLength);
    }
}

public sealed class TakeUnitsOutOfServiceHandler(IApplicationDbContext db, ICurrentUser currentUser, LoanNotices notices, TimeProvider clock)
    : ICommandHandler<TakeUnitsOutOfService, UnitsTakenOutOfService>
{
    public async ValueTask<UnitsTakenOutOfService> Handle(TakeUnitsOutOfService command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(command.ResourceId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        var outage = UnitOutage.Start(resource, command.Units, command.UnitLabel, command.FirstDay, command.LastDay, command.Reason ?? "",
            currentUser.RequireId(), now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var atRisk = await db.TakeOutOfServiceAsync(resource, outage, cancellationToken);
        await notices.UnitsOutOfServiceAsync(atRisk, resource.Title, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UnitsTakenOutOfService(UnitOutageView.From(outage, now), atRisk.Select(l => LoanView.From(l, resource.Title)).ToList());
    }
}
