namespace SharingPlatform.Application.Labs;

/// <summary>A manager ends a piece of equipment's out-of-service period: it can be booked again.</summary>
public sealed record ReturnEquipmentToService(Guid LabId, Guid EquipmentId) : ICommand<EquipmentView>;

public sealed class ReturnEquipmentToServiceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReturnEquipmentToService, EquipmentView>
{
    public async ValueTask<EquipmentView> Handle(ReturnEquipmentToService command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var equipment = await db.LoadEquipmentAsync(lab.Id, command.EquipmentId, cancellationToken);
        equipment.ReturnToService();
        await db.SaveChangesAsync(cancellationToken);
        return EquipmentView.From(equipment, clock.GetUtcNow());
    }
}
