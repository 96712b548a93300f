using Microsoft.EntityFrameworkCore;
using Npgsql;
using SharingPlatform.Application.Common;

namespace SharingPlatform.Application.Labs;

/// <summary>
/// What the database refuses for labs, by constraint name, as a 409 with a code: a full slot (the seat counter's UPDATE
/// took no row), a piece of equipment already held in the slot, a second session of one person in a slot, a second
/// unrevoked qualification racing the first.
/// </summary>
public static class LabConflicts
{
    public const string EquipmentConstraint = "ux_lab_booking_equipment_held";
    public const string OnePerPersonConstraint = "ux_lab_bookings_one_per_person";
    public const string QualificationConstraint = "ux_lab_qualifications_unrevoked";

    public static ConflictException SlotFull() =>
        new(Texts.Get("SlotFull"), "slot_full");

    public static ConflictException EquipmentTaken() =>
        new(Texts.Get("EquipmentTaken"), "equipment_taken");

    public static ConflictException AlreadyBooked() =>
        new(Texts.Get("SeatAlreadyBooked"), "already_booked");

    public static ConflictException QualificationExists() =>
        new(Texts.Get("QualificationAlreadyHeld"), "qualification_exists");

    /// <summary>The conflict a unique violation of a lab constraint means, or none for any other error.</summary>
    public static ConflictException? From(Exception exception) =>
        (exception as DbUpdateException)?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
            ? pg.ConstraintName switch
            {
                EquipmentConstraint => EquipmentTaken(),
                OnePerPersonConstraint => AlreadyBooked(),
                QualificationConstraint => QualificationExists(),
                _ => null,
            }
            : null;
}
