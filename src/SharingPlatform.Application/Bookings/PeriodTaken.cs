namespace SharingPlatform.Application.Bookings;

/// <summary>
/// The database refused a booking because a holding booking of the resource overlaps it: the exclusion constraint
/// <c>ex_bookings_no_overlap</c> (23P01), or a deadlock (40P01) between two inserts racing for the same time.
/// </summary>
public static class PeriodTaken
{
    public const string Code = "period_taken";
    public const string Constraint = ConstraintCodes.BookingOverlap;

    public static bool Is(Exception exception) => DatabaseFaults.Postgres(exception) is { } pg
        && ((pg.SqlState == PostgresErrorCodes.ExclusionViolation && pg.ConstraintName == Constraint)
            || pg.SqlState == PostgresErrorCodes.DeadlockDetected);

    public static ConflictException Error() =>
        new(Texts.Get("PeriodTaken"), Code);

    /// <summary>Dates of a series that are taken, named in the answer so the person can choose others.</summary>
    public sealed class InSeries(IReadOnlyList<DateOnly> dates) : ConflictException(
        Texts.Get("PeriodTakenInSeries", List(dates)), PeriodTaken.Code), IRefusalDetails
    {
        public IReadOnlyList<DateOnly> Dates { get; } = dates;

        public IReadOnlyDictionary<string, object?> ProblemFields => new Dictionary<string, object?>
        {
            ["conflictingDates"] = Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        };

        private static string List(IEnumerable<DateOnly> dates) =>
            string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
