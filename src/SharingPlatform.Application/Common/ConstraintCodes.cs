namespace SharingPlatform.Application.Common;

/// <summary>
/// The one table from a database constraint (unique, exclusion or check, by <see cref="PostgresException.ConstraintName"/>)
/// to the refusal it means: a 409 with a stable code, in the API and on the pages alike.
/// </summary>
public static class ConstraintCodes
{
    public const string BookingOverlap = "ex_bookings_no_overlap";
    public const string LabEquipmentHeld = "ux_lab_booking_equipment_held";
    public const string LabSeatPerPerson = "ux_lab_bookings_one_per_person";
    public const string LabQualificationUnrevoked = "ux_lab_qualifications_unrevoked";
    public const string ReportOneOpen = "ux_reports_one_open_per_reporter";
    public const string BusinessRegistrationNumber = "ix_organizations_business_registration_number";
    public const string LoanDayUnits = "ck_loan_days_units";
    public const string LoanDayOutOfService = "ck_loan_days_out_of_service";
    public const string ReviewOnePerPerson = "ux_reviews_one_per_person";

    /// <summary>Constraint name → error code and the key of its sentence in Messages.resx.</summary>
    private static readonly Dictionary<string, (string Code, string MessageKey)> Table = new()
    {
        [BookingOverlap] = ("period_taken", "PeriodTaken"),
        [LabEquipmentHeld] = ("equipment_taken", "EquipmentTaken"),
        [LabSeatPerPerson] = ("already_booked", "SeatAlreadyBooked"),
        [LabQualificationUnrevoked] = ("qualification_exists", "QualificationAlreadyHeld"),
        [ReportOneOpen] = ("already_reported", "AlreadyReported"),
        [BusinessRegistrationNumber] = ("business_registration_number_taken", "BusinessRegistrationNumberTaken"),
        [LoanDayUnits] = ("units_promised", "UnitsPromised"),
        [LoanDayOutOfService] = ("units_promised", "UnitsPromised"),
        [ReviewOnePerPerson] = ("already_reviewed", "AlreadyReviewed"),
    };

    /// <summary>The refusal a constraint of the table means.</summary>
    public static ConflictException Refusal(string constraint)
    {
        var (code, key) = Table[constraint];
        return new ConflictException(Texts.Get(key), code);
    }

    /// <summary>The refusal a violated constraint of the table means, or none for any other error.</summary>
    public static ConflictException? From(Exception exception) =>
        DatabaseFaults.Postgres(exception) is
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.CheckViolation,
            ConstraintName: { } name,
        } && Table.ContainsKey(name)
            ? Refusal(name)
            : null;
}
