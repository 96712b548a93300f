namespace SharingPlatform.Application.Statistics;

/// <summary>
/// The programme in a few numbers, for anyone: per municipality what is shared now (published resources, published labs,
/// active circles) and the hours shared in this Seoul calendar year (booked hours of completed and checked-in bookings
/// plus held lab session hours, by start). One SQL query.
/// </summary>
public sealed record GetProgrammeSummary : IQuery<ProgrammeSummary>;

public sealed record ProgrammeSummary(
    int Year, int PublishedResources, int PublishedLabs, int ActiveCircles, double BookedHours, double LabHours, double HoursShared,
    IReadOnlyList<MunicipalitySummary> Municipalities);

public sealed record MunicipalitySummary(
    string Municipality, string MunicipalityName, int PublishedResources, int PublishedLabs, int ActiveCircles,
    double BookedHours, double LabHours, double HoursShared);

public sealed class GetProgrammeSummaryHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetProgrammeSummary, ProgrammeSummary>
{
    private sealed record Row(string Municipality, int PublishedResources, int PublishedLabs, int ActiveCircles, long BookedMinutes, long LabMinutes);

    public async ValueTask<ProgrammeSummary> Handle(GetProgrammeSummary query, CancellationToken cancellationToken)
    {
        var year = SeoulTime.DateOf(clock.GetUtcNow()).Year;
        var starts = SeoulTime.StartOf(new DateOnly(year, 1, 1));
        var ends = SeoulTime.StartOf(new DateOnly(year + 1, 1, 1));
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT municipality,
                   (count(*) FILTER (WHERE kind = 'resource'))::integer AS published_resources,
                   (count(*) FILTER (WHERE kind = 'lab'))::integer AS published_labs,
                   (count(*) FILTER (WHERE kind = 'circle'))::integer AS active_circles,
                   coalesce(sum(minutes) FILTER (WHERE kind = 'booking'), 0)::bigint AS booked_minutes,
                   coalesce(sum(minutes) FILTER (WHERE kind = 'session'), 0)::bigint AS lab_minutes
            FROM (
                SELECT municipality, 'resource' AS kind, 0::numeric AS minutes FROM resources WHERE status = 'Published'
                UNION ALL
                SELECT municipality, 'lab', 0 FROM labs WHERE status = 'Published'
                UNION ALL
                SELECT municipality, 'circle', 0 FROM circles WHERE status = 'Active'
                UNION ALL
                SELECT r.municipality, 'booking', extract(epoch FROM b.ends_at - b.starts_at) / 60
                FROM bookings b JOIN resources r ON r.id = b.resource_id
                WHERE b.status IN ('Completed', 'CheckedIn') AND b.starts_at >= {starts} AND b.starts_at < {ends}
                UNION ALL
                SELECT l.municipality, 'session', extract(epoch FROM lb.slot_ends_at - lb.slot_starts_at) / 60
                FROM lab_bookings lb JOIN labs l ON l.id = lb.lab_id
                WHERE lb.status IN ('Completed', 'CheckedIn') AND lb.slot_starts_at >= {starts} AND lb.slot_starts_at < {ends}
            ) AS shared
            GROUP BY municipality
            """).ToListAsync(cancellationToken);

        var byCode = rows.ToDictionary(r => r.Municipality);
        var municipalities = Municipality.All
            .Select(m => byCode.GetValueOrDefault(m.Code) ?? new Row(m.Code, 0, 0, 0, 0, 0))
            .Select(r => new MunicipalitySummary(
                r.Municipality, Texts.MunicipalityName(r.Municipality), r.PublishedResources, r.PublishedLabs, r.ActiveCircles,
                GetProgrammeStatisticsHandler.Hours(r.BookedMinutes), GetProgrammeStatisticsHandler.Hours(r.LabMinutes),
                GetProgrammeStatisticsHandler.Hours(r.BookedMinutes + r.LabMinutes)))
            .ToList();
        var booked = rows.Sum(r => r.BookedMinutes);
        var lab = rows.Sum(r => r.LabMinutes);
        return new ProgrammeSummary(
            year, rows.Sum(r => r.PublishedResources), rows.Sum(r => r.PublishedLabs), rows.Sum(r => r.ActiveCircles),
            GetProgrammeStatisticsHandler.Hours(booked), GetProgrammeStatisticsHandler.Hours(lab), GetProgrammeStatisticsHandler.Hours(booked + lab),
            municipalities);
    }
}
