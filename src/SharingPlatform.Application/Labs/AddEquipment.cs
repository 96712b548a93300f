namespace SharingPlatform.Application.Labs;

/// <summary>A manager adds a piece of equipment to the lab.</summary>
public sealed record AddEquipment(Guid LabId, EquipmentInput Input) : ICommand<EquipmentView>;

/// <summary>What a manager types about a piece of equipment; <see cref="QualificationName"/> names the induction it needs.</summary>
public sealed record EquipmentInput(string Name, string? Model, string? Description, bool RequiresQualification, string? QualificationName)
{
    public EquipmentDetails ToDetails() => new(Name, Model ?? "", Description ?? "", RequiresQualification, QualificationName ?? "");
}

public sealed class EquipmentInputValidator : AbstractValidator<EquipmentInput>
{
    public EquipmentInputValidator()
    {
        RuleFor(e => e.Name).NotEmpty().MaximumLength(Equipment.NameMaxLength);
        RuleFor(e => e.Model).MaximumLength(Equipment.ModelMaxLength);
        RuleFor(e => e.Description).MaximumLength(Equipment.DescriptionMaxLength);
        RuleFor(e => e.QualificationName).MaximumLength(Equipment.NameMaxLength);
    }
}

public sealed class AddEquipmentValidator : AbstractValidator<AddEquipment>
{
    public AddEquipmentValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new EquipmentInputValidator());
}

public sealed class AddEquipmentHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<AddEquipment, EquipmentView>
{
    public async ValueTask<EquipmentView> Handle(AddEquipment command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var now = clock.GetUtcNow();
        var equipment = Equipment.Add(lab.Id, command.Input.ToDetails(), now);
        db.Equipment.Add(equipment);
        await db.SaveChangesAsync(cancellationToken);
        return EquipmentView.From(equipment, now);
    }
}
