namespace SharingPlatform.Application.Labs;

/// <summary>A manager changes a piece of equipment's description or whether it needs a qualification.</summary>
public sealed record UpdateEquipment(Guid LabId, Guid EquipmentId, EquipmentInput Input) : ICommand<EquipmentView>;

public sealed class UpdateEquipmentValidator : AbstractValidator<UpdateEquipment>
{
    public UpdateEquipmentValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new EquipmentInputValidator());
}

public sealed class UpdateEquipmentHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UpdateEquipment, EquipmentView>
{
    public async ValueTask<EquipmentView> Handle(UpdateEquipment command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var equipment = await db.LoadEquipmentAsync(lab.Id, command.EquipmentId, cancellationToken);
        equipment.Edit(command.Input.ToDetails());
        await db.SaveChangesAsync(cancellationToken);
        return EquipmentView.From(equipment, clock.GetUtcNow());
    }
}

public static class EquipmentAccess
{
    public static Exception NotFound() => new NotFoundException(Texts.Get("NoSuchEquipment"));

    public static async Task<Equipment> LoadEquipmentAsync(this IApplicationDbContext db, Guid labId, Guid equipmentId, CancellationToken cancellationToken) =>
        await db.Equipment.SingleOrDefaultAsync(e => e.Id == equipmentId && e.LabId == labId, cancellationToken) ?? throw NotFound();
}
