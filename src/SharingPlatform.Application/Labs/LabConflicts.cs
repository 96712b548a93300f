namespace SharingPlatform.Application.Labs;

/// <summary>
/// What the database refuses for labs, by constraint name, as a 409 with a code: a full slot (the seat counter's UPDATE
/// took no row), a piece of equipment already held in the slot, a second session of one person in a slot, a second
/// unrevoked qualification racing the first.
/// </summary>
public static class LabConflicts
{
    public const string EquipmentConstraint = ConstraintCodes.LabEquipmentHeld;
    public const string OnePerPersonConstraint = ConstraintCodes.LabSeatPerPerson;
    public const string QualificationConstraint = ConstraintCodes.LabQualificationUnrevoked;

    public static ConflictException SlotFull() =>
        new(Texts.Get("SlotFull"), "slot_full");

    public static ConflictException EquipmentTaken() => ConstraintCodes.Refusal(EquipmentConstraint);

    public static ConflictException AlreadyBooked() => ConstraintCodes.Refusal(OnePerPersonConstraint);

    public static ConflictException QualificationExists() => ConstraintCodes.Refusal(QualificationConstraint);

    /// <summary>The conflict a unique violation of a lab constraint means (<see cref="ConstraintCodes"/>), or none for any other error.</summary>
    public static ConflictException? From(Exception exception) => ConstraintCodes.From(exception);
}
