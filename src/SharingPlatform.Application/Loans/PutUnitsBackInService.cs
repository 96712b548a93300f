using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// The desk puts units back in service before their outage ends (repaired, found): they lend again from today, or from
/// the outage's first day if it has not begun. The outage row is locked, so two members ending it at once free it once.
/// </summary>
public sealed record PutUnitsBackInService(Guid ResourceId, Guid OutageId) : ICommand<UnitOutageView>;

public sealed class PutUnitsBackInServiceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PutUnitsBackInService, UnitOutageView>
{
    public async ValueTask<UnitOutageView> Handle(PutUnitsBackInService command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForMemberAsync(command.ResourceId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outage = await db.UnitOutages.FromSql($"SELECT * FROM unit_outages WHERE id = {command.OutageId} AND resource_id = {resource.Id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Texts.Get("NoSuchUnitOutage"));
        var from = outage.End(now);
        await db.BackInServiceAsync(outage, from, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UnitOutageView.From(outage, now);
    }
}
