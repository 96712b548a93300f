namespace SharingPlatform.Web.Api;

public static class StatisticsEndpoints
{
    /// <summary>The public summary; the administrators' statistics are under /admin (<see cref="AdminEndpoints"/>).</summary>
    public static void MapStatisticsEndpoints(this RouteGroupBuilder api) =>
        api.MapGroup("/statistics").WithTags("Statistics")
            .MapGet("/summary", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetProgrammeSummary(), ct)));
}

/// <summary>
/// The statistics as one CSV for spreadsheets, for the API and the statistics page alike: one row per resource, lab,
/// lab-equipment, circle, loan, proposal and rating row, told apart by the <c>section</c> column; a column a section has no figure for is empty.
/// </summary>
public static class StatisticsCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "section", "municipality", "municipalityName", "month", "category", "lab", "equipment",
        "publishedResources", "bookings", "sessions", "meetingsHeld", "hours", "openHours", "utilisation",
        "distinctUsers", "noShows", "noShowRate", "goingAnswers", "attended", "attendanceRate",
        "loans", "unitsLent", "unitDaysLent", "overdueLoans", "overdueRate", "lostUnits",
        "proposals", "proposalsTakenUp", "proposalsAccepted", "proposalsDeclined", "supports",
        "reviews", "averageRating",
    ];

    public static string FileName(ProgrammeStatistics statistics) =>
        $"statistics-{statistics.From}-{statistics.To}{(statistics.Municipality is { } m ? "-" + m : "")}.csv";

    public static IResult File(ProgrammeStatistics statistics) => Csv.File(FileName(statistics), Header, Rows(statistics));

    public static IEnumerable<IReadOnlyList<object?>> Rows(ProgrammeStatistics statistics)
    {
        foreach (var r in statistics.Resources)
        {
            yield return
            [
                "resources", r.Municipality, r.MunicipalityName, r.Month, Camel(r.Category.ToString()), null, null,
                r.PublishedResources, r.Bookings, null, null, r.BookedHours, r.OpenHours, r.Utilisation,
                r.DistinctUsers, r.NoShows, r.NoShowRate, null, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null,
                null, null,
            ];
        }

        foreach (var l in statistics.Labs)
        {
            yield return
            [
                "labs", l.Municipality, l.MunicipalityName, l.Month, l.Category, null, null,
                null, null, l.Sessions, null, l.SessionHours, null, null,
                l.DistinctUsers, l.NoShows, l.NoShowRate, null, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null,
                null, null,
            ];
        }

        foreach (var e in statistics.LabEquipment)
        {
            yield return
            [
                "labEquipment", e.Municipality, e.MunicipalityName, e.Month, "lab", e.LabName, e.EquipmentName,
                null, null, e.Sessions, null, e.Hours, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null,
                null, null,
            ];
        }

        foreach (var c in statistics.Circles)
        {
            yield return
            [
                "circles", c.Municipality, c.MunicipalityName, c.Month, "circle", null, null,
                null, null, null, c.MeetingsHeld, null, null, null,
                null, null, null, c.GoingAnswers, c.Attended, c.AttendanceRate,
                null, null, null, null, null, null,
                null, null, null, null, null,
                null, null,
            ];
        }

        foreach (var l in statistics.Loans)
        {
            yield return
            [
                "loans", l.Municipality, l.MunicipalityName, l.Month, Camel(l.Category.ToString()), null, null,
                null, null, null, null, null, null, null,
                null, null, null, null, null, null,
                l.Loans, l.UnitsLent, l.UnitDaysLent, l.Overdue, l.OverdueRate, l.LostUnits,
                null, null, null, null, null,
                null, null,
            ];
        }

        foreach (var p in statistics.Proposals)
        {
            yield return
            [
                "proposals", p.Municipality, p.MunicipalityName, p.Month, Camel(p.Category.ToString()), null, null,
                null, null, null, null, null, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null, null,
                p.Proposals, p.TakenUp, p.Accepted, p.Declined, p.Supports,
                null, null,
            ];
        }

        foreach (var r in statistics.Ratings)
        {
            yield return
            [
                "ratings", r.Municipality, r.MunicipalityName, r.Month, r.Category, null, null,
                null, null, null, null, null, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null, null,
                null, null, null, null, null,
                r.Reviews, r.AverageRating,
            ];
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
