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
        new(Texts.Pick("이 시간대는 자리가 모두 찼습니다. 다른 시간대를 고르세요.", "This slot is full. Choose another slot."), "slot_full");

    public static ConflictException EquipmentTaken() =>
        new(Texts.Pick("그 장비는 이 시간대에 이미 예약되었습니다.", "That equipment is already booked in this slot."), "equipment_taken");

    public static ConflictException AlreadyBooked() =>
        new(Texts.Pick("이 시간대에 이미 예약한 자리가 있습니다.", "You already have a seat in this slot."), "already_booked");

    public static ConflictException QualificationExists() =>
        new(Texts.Pick("이미 부여된 자격이 있습니다.", "The person already holds that qualification."), "qualification_exists");

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
