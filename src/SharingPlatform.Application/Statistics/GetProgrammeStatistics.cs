namespace SharingPlatform.Application.Statistics;

/// <summary>
/// The programme's statistics for administrators, per municipality, category and Seoul month between <c>From</c> and
/// <c>To</c> (months or dates, see <see cref="StatisticsPeriod"/>), optionally of one municipality. Each section is one
/// SQL query that aggregates in PostgreSQL (a grouping set adds the section's total row), so no booking is ever loaded.
/// </summary>
public sealed record GetProgrammeStatistics(string? From = null, string? To = null, string? Municipality = null) : IQuery<ProgrammeStatistics>;

public sealed record ProgrammeStatistics(
    string From,
    string To,
    string? Municipality,
    IReadOnlyList<ResourceStatisticsRow> Resources,
    IReadOnlyList<LabStatisticsRow> Labs,
    IReadOnlyList<LabEquipmentStatisticsRow> LabEquipment,
    IReadOnlyList<CircleStatisticsRow> Circles,
    IReadOnlyList<LoanStatisticsRow> Loans,
    IReadOnlyList<ProposalStatisticsRow> Proposals,
    IReadOnlyList<RatingStatisticsRow> Ratings,
    ProgrammeTotals Totals);

/// <summary>
/// Published resources: published now and created before the month's end (resources keep no publication date). Bookings:
/// starting in the month, not rejected or cancelled. Open hours: the weekly opening hours of the published resources over
/// the month's days, closed dates left out. Utilisation: booked hours / open hours. No-show rate: no-shows / (completed +
/// checked in + no-shows).
/// </summary>
public sealed record ResourceStatisticsRow(
    string Municipality, string MunicipalityName, ResourceCategory Category, string Month,
    int PublishedResources, int Bookings, double BookedHours, double OpenHours, double? Utilisation,
    int DistinctUsers, int NoShows, double? NoShowRate);

/// <summary>Lab sessions (category "lab") whose slot starts in the month: held ones (completed or checked in), their hours and people, and no-shows.</summary>
public sealed record LabStatisticsRow(
    string Municipality, string MunicipalityName, string Category, string Month,
    int Sessions, double SessionHours, int DistinctUsers, int NoShows, double? NoShowRate);

/// <summary>Hours a piece of equipment was used in held sessions of the month: the confirmed minutes, or the slot until confirmed.</summary>
public sealed record LabEquipmentStatisticsRow(
    string Municipality, string MunicipalityName, string Month, Guid LabId, string LabName, Guid EquipmentId, string EquipmentName,
    int Sessions, double Hours);

/// <summary>Meetings that ended in the month and were not cancelled; attendance rate: attended / going answers of those meetings.</summary>
public sealed record CircleStatisticsRow(
    string Municipality, string MunicipalityName, string Month, int MeetingsHeld, int GoingAnswers, int Attended, double? AttendanceRate);

/// <summary>
/// Loans of lent goods picked up in the month (they went out): units lent, unit-days (units × days of the loan), how many
/// went overdue at some point and the overdue rate (overdue / loans), and the units written off as lost.
/// </summary>
public sealed record LoanStatisticsRow(
    string Municipality, string MunicipalityName, ResourceCategory Category, string Month,
    int Loans, int UnitsLent, int UnitDaysLent, int Overdue, double? OverdueRate, int LostUnits);

/// <summary>
/// Proposals made in the month (suspended ones left out): how many, and of those how many an organization has taken up
/// and an administrator has accepted or declined so far, and the support they gathered.
/// </summary>
public sealed record ProposalStatisticsRow(
    string Municipality, string MunicipalityName, ResourceCategory Category, string Month,
    int Proposals, int TakenUp, int Accepted, int Declined, int Supports);

/// <summary>
/// Reviews written in the month that are shown (not suspended), by their listing's municipality and category (a
/// resource's category, or "lab" or "circle"): how many, and their average stars.
/// </summary>
public sealed record RatingStatisticsRow(
    string Municipality, string MunicipalityName, string Category, string Month, int Reviews, double? AverageRating);

/// <summary>
/// The whole period. Published resources: at the end of the last month; distinct users are people counted once over the
/// whole period.
/// </summary>
public sealed record ProgrammeTotals(
    int PublishedResources, int Bookings, double BookedHours, double OpenHours, double? Utilisation, int DistinctUsers, int NoShows, double? NoShowRate,
    int LabSessions, double LabSessionHours, int LabDistinctUsers, int LabNoShows, double? LabNoShowRate, double LabEquipmentHours,
    int MeetingsHeld, int GoingAnswers, int Attended, double? AttendanceRate,
    int Loans, int UnitsLent, int UnitDaysLent, int OverdueLoans, double? OverdueRate, int LostUnits,
    int Proposals, int ProposalsTakenUp, int Reviews, double? AverageRating);

public sealed class GetProgrammeStatisticsValidator : AbstractValidator<GetProgrammeStatistics>
{
    public GetProgrammeStatisticsValidator(TimeProvider clock)
    {
        RuleFor(q => q.From).Must(StatisticsPeriod.IsMonthOrDate)
            .WithMessage(_ => Texts.Get("StatisticsFromInvalid"));
        RuleFor(q => q.To).Must(StatisticsPeriod.IsMonthOrDate)
            .WithMessage(_ => Texts.Get("StatisticsToInvalid"));
        RuleFor(q => q.Municipality).Must(m => string.IsNullOrEmpty(m) || Municipality.IsKnown(m))
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
        RuleFor(q => q.To)
            .Must((q, _) =>
            {
                var (from, to) = StatisticsPeriod.Resolve(q.From, q.To, clock.GetUtcNow());
                return from <= to && StatisticsPeriod.MonthsBetween(from, to) <= StatisticsPeriod.MaxMonths;
            })
            .When(q => StatisticsPeriod.IsMonthOrDate(q.From) && StatisticsPeriod.IsMonthOrDate(q.To))
            .WithMessage(_ => Texts.Get("StatisticsPeriodInvalid", StatisticsPeriod.MaxMonths));
    }
}

public sealed class GetProgrammeStatisticsHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetProgrammeStatistics, ProgrammeStatistics>
{
    private sealed record ResourceAggregate(
        string? Municipality, string? Category, string? Month, int PublishedResources, int Bookings, long BookedMinutes, long OpenMinutes,
        int DistinctUsers, int NoShows, int Settled);

    private sealed record LabAggregate(string? Municipality, string? Month, int Sessions, long SessionMinutes, int DistinctUsers, int NoShows);

    private sealed record EquipmentAggregate(
        string Municipality, string Month, Guid LabId, string LabName, Guid EquipmentId, string EquipmentName, int Sessions, long Minutes);

    private sealed record CircleAggregate(string? Municipality, string? Month, int MeetingsHeld, int GoingAnswers, int Attended);

    private sealed record LoanAggregate(string? Municipality, string? Category, string? Month, int Loans, int UnitsLent, int UnitDaysLent, int Overdue, int LostUnits);

    private sealed record RatingAggregate(string? Municipality, string? Category, string? Month, int Reviews, double? Average);

    private sealed record ProposalAggregate(string? Municipality, string? Category, string? Month, int Proposals, int TakenUp, int Accepted, int Declined, int Supports);

    public async ValueTask<ProgrammeStatistics> Handle(GetProgrammeStatistics query, CancellationToken cancellationToken)
    {
        currentUser.RequireAdministrator();
        var now = clock.GetUtcNow();
        var (from, to) = StatisticsPeriod.Resolve(query.From, query.To, now);
        var municipality = string.IsNullOrEmpty(query.Municipality) ? "" : query.Municipality;

        var resources = await ResourcesAsync(from, to, municipality, cancellationToken);
        var labs = await LabsAsync(from, to, municipality, cancellationToken);
        var equipment = await EquipmentAsync(from, to, municipality, cancellationToken);
        var circles = await CirclesAsync(from, to, municipality, now, cancellationToken);
        var loans = await LoansAsync(from, to, municipality, cancellationToken);
        var proposals = await ProposalsAsync(from, to, municipality, cancellationToken);
        var ratings = await RatingsAsync(from, to, municipality, cancellationToken);

        var resourceTotal = resources.Single(r => r.Municipality is null);
        var labTotal = labs.Single(l => l.Municipality is null);
        var circleTotal = circles.Single(c => c.Municipality is null);
        var loanTotal = loans.Single(l => l.Municipality is null);
        var proposalTotal = proposals.Single(p => p.Municipality is null);
        var ratingTotal = ratings.Single(r => r.Municipality is null);
        var lastMonth = StatisticsPeriod.MonthText(to);
        var totals = new ProgrammeTotals(
            resources.Where(r => r.Month == lastMonth).Sum(r => r.PublishedResources),
            resourceTotal.Bookings, Hours(resourceTotal.BookedMinutes), Hours(resourceTotal.OpenMinutes),
            Rate(resourceTotal.BookedMinutes, resourceTotal.OpenMinutes), resourceTotal.DistinctUsers, resourceTotal.NoShows,
            Rate(resourceTotal.NoShows, resourceTotal.Settled),
            labTotal.Sessions, Hours(labTotal.SessionMinutes), labTotal.DistinctUsers, labTotal.NoShows,
            Rate(labTotal.NoShows, labTotal.Sessions + labTotal.NoShows), Hours(equipment.Sum(e => e.Minutes)),
            circleTotal.MeetingsHeld, circleTotal.GoingAnswers, circleTotal.Attended, Rate(circleTotal.Attended, circleTotal.GoingAnswers),
            loanTotal.Loans, loanTotal.UnitsLent, loanTotal.UnitDaysLent, loanTotal.Overdue, Rate(loanTotal.Overdue, loanTotal.Loans), loanTotal.LostUnits,
            proposalTotal.Proposals, proposalTotal.TakenUp, ratingTotal.Reviews, Stars(ratingTotal.Average));

        return new ProgrammeStatistics(
            StatisticsPeriod.MonthText(from), lastMonth, municipality.Length == 0 ? null : municipality,
            resources.Where(r => r.Municipality is not null).Select(r => new ResourceStatisticsRow(
                r.Municipality!, Texts.MunicipalityName(r.Municipality!), Enum.Parse<ResourceCategory>(r.Category!), r.Month!,
                r.PublishedResources, r.Bookings, Hours(r.BookedMinutes), Hours(r.OpenMinutes), Rate(r.BookedMinutes, r.OpenMinutes),
                r.DistinctUsers, r.NoShows, Rate(r.NoShows, r.Settled))).ToList(),
            labs.Where(l => l.Municipality is not null).Select(l => new LabStatisticsRow(
                l.Municipality!, Texts.MunicipalityName(l.Municipality!), "lab", l.Month!, l.Sessions, Hours(l.SessionMinutes),
                l.DistinctUsers, l.NoShows, Rate(l.NoShows, l.Sessions + l.NoShows))).ToList(),
            equipment.Select(e => new LabEquipmentStatisticsRow(
                e.Municipality, Texts.MunicipalityName(e.Municipality), e.Month, e.LabId, e.LabName, e.EquipmentId, e.EquipmentName,
                e.Sessions, Hours(e.Minutes))).ToList(),
            circles.Where(c => c.Municipality is not null).Select(c => new CircleStatisticsRow(
                c.Municipality!, Texts.MunicipalityName(c.Municipality!), c.Month!, c.MeetingsHeld, c.GoingAnswers, c.Attended,
                Rate(c.Attended, c.GoingAnswers))).ToList(),
            loans.Where(l => l.Municipality is not null).Select(l => new LoanStatisticsRow(
                l.Municipality!, Texts.MunicipalityName(l.Municipality!), Enum.Parse<ResourceCategory>(l.Category!), l.Month!,
                l.Loans, l.UnitsLent, l.UnitDaysLent, l.Overdue, Rate(l.Overdue, l.Loans), l.LostUnits)).ToList(),
            proposals.Where(p => p.Municipality is not null).Select(p => new ProposalStatisticsRow(
                p.Municipality!, Texts.MunicipalityName(p.Municipality!), Enum.Parse<ResourceCategory>(p.Category!), p.Month!,
                p.Proposals, p.TakenUp, p.Accepted, p.Declined, p.Supports)).ToList(),
            ratings.Where(r => r.Municipality is not null).Select(r => new RatingStatisticsRow(
                r.Municipality!, Texts.MunicipalityName(r.Municipality!), char.ToLowerInvariant(r.Category![0]) + r.Category[1..], r.Month!,
                r.Reviews, Stars(r.Average))).ToList(),
            totals);
    }

    public static double Hours(long minutes) => Math.Round(minutes / 60.0, 2);

    public static double? Stars(double? average) => average is { } a ? Math.Round(a, 2) : null;

    public static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// <summary>
    /// Published resources per month, their open minutes and their bookings, aggregated together per municipality,
    /// category and month, plus the total row. Open minutes are counted, not generated day by day: each resource's weekly
    /// opening multirange (kept beside the policy) gives its minutes per ISO weekday once, times how many of that weekday
    /// the month has, less the minutes of its closed dates in the month — so 100,000 resources over a year are 700,000
    /// weekday sums rather than 36 million days.
    /// </summary>
    private Task<List<ResourceAggregate>> ResourcesAsync(DateOnly from, DateOnly to, string municipality, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ResourceAggregate>($"""
            WITH months AS (
                SELECT m::date AS month, m AT TIME ZONE 'Asia/Seoul' AS starts, (m + interval '1 month') AT TIME ZONE 'Asia/Seoul' AS ends
                FROM generate_series({from}::timestamp, {to}::timestamp, interval '1 month') AS m
            ),
            month_days AS (
                SELECT mo.month, extract(isodow FROM d)::integer AS dow, count(*) AS days
                FROM months mo
                CROSS JOIN generate_series(mo.month::timestamp, mo.month + interval '1 month' - interval '1 day', interval '1 day') AS d
                GROUP BY mo.month, dow
            ),
            published AS (
                SELECT r.municipality, r.category, r.weekly_opening, r.closed_dates,
                       date_trunc('month', r.created_at AT TIME ZONE 'Asia/Seoul')::date AS first_month
                FROM resources r
                WHERE r.status = 'Published' AND ({municipality} = '' OR r.municipality = {municipality})
            ),
            weekday_minutes AS (
                SELECT p.municipality, p.category, p.first_month, w.dow, sum((
                           SELECT coalesce(sum(upper(x) - lower(x)), 0)
                           FROM unnest(p.weekly_opening * int4multirange(int4range((w.dow - 1) * 1440, w.dow * 1440))) AS x)) AS minutes
                FROM published p CROSS JOIN generate_series(1, 7) AS w(dow)
                GROUP BY p.municipality, p.category, p.first_month, w.dow
            ),
            closed AS (
                SELECT p.municipality, p.category, date_trunc('month', c.day)::date AS month, sum((
                           SELECT coalesce(sum(upper(x) - lower(x)), 0)
                           FROM unnest(p.weekly_opening * int4multirange(int4range(
                               (extract(isodow FROM c.day)::integer - 1) * 1440, extract(isodow FROM c.day)::integer * 1440))) AS x)) AS minutes
                FROM published p
                CROSS JOIN LATERAL (SELECT DISTINCT d::date AS day FROM unnest(p.closed_dates) AS d) AS c
                WHERE c.day >= {from} AND c.day < {to}::date + interval '1 month' AND date_trunc('month', c.day)::date >= p.first_month
                GROUP BY 1, 2, 3
            ),
            facts AS (
                SELECT p.municipality, p.category, mo.month, count(*) AS published, 0::bigint AS open_minutes,
                       0 AS booking, 0 AS booked_minutes, NULL::uuid AS booker_id, NULL::text AS status
                FROM published p JOIN months mo ON mo.month >= p.first_month
                GROUP BY p.municipality, p.category, mo.month
                UNION ALL
                SELECT wm.municipality, wm.category, md.month, 0, wm.minutes * md.days, 0, 0, NULL, NULL
                FROM weekday_minutes wm JOIN month_days md ON md.dow = wm.dow AND md.month >= wm.first_month
                UNION ALL
                SELECT c.municipality, c.category, c.month, 0, -c.minutes, 0, 0, NULL, NULL
                FROM closed c
                UNION ALL
                SELECT r.municipality, r.category, mo.month, 0, 0, 1,
                       (extract(epoch FROM b.ends_at - b.starts_at) / 60)::integer, b.booker_id, b.status
                FROM months mo
                JOIN bookings b ON b.starts_at >= mo.starts AND b.starts_at < mo.ends AND b.status NOT IN ('Rejected', 'Cancelled')
                JOIN resources r ON r.id = b.resource_id
                WHERE {municipality} = '' OR r.municipality = {municipality}
            )
            SELECT municipality, category, to_char(month, 'YYYY-MM') AS month,
                   coalesce(sum(published), 0)::integer AS published_resources, coalesce(sum(booking), 0)::integer AS bookings,
                   coalesce(sum(booked_minutes), 0)::bigint AS booked_minutes, coalesce(sum(open_minutes), 0)::bigint AS open_minutes,
                   count(DISTINCT booker_id)::integer AS distinct_users,
                   (count(*) FILTER (WHERE status = 'NoShow'))::integer AS no_shows,
                   (count(*) FILTER (WHERE status IN ('Completed', 'CheckedIn', 'NoShow')))::integer AS settled
            FROM facts
            GROUP BY GROUPING SETS ((municipality, category, month), ())
            ORDER BY month, municipality, category
            """).ToListAsync(cancellationToken);

    private Task<List<LabAggregate>> LabsAsync(DateOnly from, DateOnly to, string municipality, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<LabAggregate>($"""
            WITH months AS (
                SELECT m::date AS month, m AT TIME ZONE 'Asia/Seoul' AS starts, (m + interval '1 month') AT TIME ZONE 'Asia/Seoul' AS ends
                FROM generate_series({from}::timestamp, {to}::timestamp, interval '1 month') AS m
            )
            SELECT l.municipality, to_char(mo.month, 'YYYY-MM') AS month,
                   (count(*) FILTER (WHERE lb.status IN ('Completed', 'CheckedIn')))::integer AS sessions,
                   coalesce(sum(extract(epoch FROM lb.slot_ends_at - lb.slot_starts_at) / 60) FILTER (WHERE lb.status IN ('Completed', 'CheckedIn')), 0)::bigint AS session_minutes,
                   (count(DISTINCT lb.booker_id) FILTER (WHERE lb.status IN ('Completed', 'CheckedIn')))::integer AS distinct_users,
                   (count(*) FILTER (WHERE lb.status = 'NoShow'))::integer AS no_shows
            FROM months mo
            JOIN lab_bookings lb ON lb.slot_starts_at >= mo.starts AND lb.slot_starts_at < mo.ends AND lb.status IN ('Completed', 'CheckedIn', 'NoShow')
            JOIN labs l ON l.id = lb.lab_id
            WHERE {municipality} = '' OR l.municipality = {municipality}
            GROUP BY GROUPING SETS ((l.municipality, mo.month), ())
            ORDER BY mo.month, l.municipality
            """).ToListAsync(cancellationToken);

    private Task<List<EquipmentAggregate>> EquipmentAsync(DateOnly from, DateOnly to, string municipality, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<EquipmentAggregate>($"""
            WITH months AS (
                SELECT m::date AS month, m AT TIME ZONE 'Asia/Seoul' AS starts, (m + interval '1 month') AT TIME ZONE 'Asia/Seoul' AS ends
                FROM generate_series({from}::timestamp, {to}::timestamp, interval '1 month') AS m
            )
            SELECT l.municipality, to_char(mo.month, 'YYYY-MM') AS month, l.id AS lab_id, l.name AS lab_name,
                   e.id AS equipment_id, e.name AS equipment_name, count(*)::integer AS sessions,
                   sum(coalesce(lbe.usage_minutes, extract(epoch FROM lb.slot_ends_at - lb.slot_starts_at) / 60))::bigint AS minutes
            FROM months mo
            JOIN lab_bookings lb ON lb.slot_starts_at >= mo.starts AND lb.slot_starts_at < mo.ends AND lb.status IN ('Completed', 'CheckedIn')
            JOIN lab_booking_equipment lbe ON lbe.lab_booking_id = lb.id AND NOT lbe.released
            JOIN lab_equipment e ON e.id = lbe.equipment_id
            JOIN labs l ON l.id = lb.lab_id
            WHERE {municipality} = '' OR l.municipality = {municipality}
            GROUP BY l.municipality, mo.month, l.id, l.name, e.id, e.name
            ORDER BY mo.month, l.municipality, l.name, e.name
            """).ToListAsync(cancellationToken);

    private Task<List<CircleAggregate>> CirclesAsync(DateOnly from, DateOnly to, string municipality, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<CircleAggregate>($"""
            WITH months AS (
                SELECT m::date AS month, m AT TIME ZONE 'Asia/Seoul' AS starts, (m + interval '1 month') AT TIME ZONE 'Asia/Seoul' AS ends
                FROM generate_series({from}::timestamp, {to}::timestamp, interval '1 month') AS m
            )
            SELECT c.municipality, to_char(mo.month, 'YYYY-MM') AS month,
                   count(DISTINCT m.id)::integer AS meetings_held,
                   count(r.id)::integer AS going_answers,
                   (count(r.id) FILTER (WHERE r.attended))::integer AS attended
            FROM months mo
            JOIN meetings m ON m.ends_at >= mo.starts AND m.ends_at < mo.ends AND m.ends_at <= {now.ToUniversalTime()} AND m.status <> 'Cancelled'
            JOIN circles c ON c.id = m.circle_id
            LEFT JOIN rsvps r ON r.meeting_id = m.id AND r.status = 'Going'
            WHERE {municipality} = '' OR c.municipality = {municipality}
            GROUP BY GROUPING SETS ((c.municipality, mo.month), ())
            ORDER BY mo.month, c.municipality
            """).ToListAsync(cancellationToken);

    /// <summary>Loans that went out, by the month of their pick-up day; overdue means the loan was overdue at some step.</summary>
    private Task<List<LoanAggregate>> LoansAsync(DateOnly from, DateOnly to, string municipality, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<LoanAggregate>($"""
            SELECT r.municipality, r.category, to_char(date_trunc('month', l.pickup_on), 'YYYY-MM') AS month,
                   count(*)::integer AS loans,
                   coalesce(sum(l.units_out), 0)::integer AS units_lent,
                   coalesce(sum(l.units_out * (l.return_on - l.pickup_on + 1)), 0)::integer AS unit_days_lent,
                   (count(*) FILTER (WHERE l.status IN ('Overdue', 'Lost')
                       OR EXISTS (SELECT 1 FROM loan_changes c WHERE c.loan_id = l.id AND c.status = 'Overdue')))::integer AS overdue,
                   coalesce(sum(l.units_out - l.units_returned) FILTER (WHERE l.status = 'Lost'), 0)::integer AS lost_units
            FROM loans l
            JOIN resources r ON r.id = l.resource_id
            WHERE l.pickup_on >= {from} AND l.pickup_on < ({to}::date + interval '1 month')::date
              AND l.status IN ('Out', 'Returned', 'Overdue', 'Lost')
              AND ({municipality} = '' OR r.municipality = {municipality})
            GROUP BY GROUPING SETS ((r.municipality, r.category, date_trunc('month', l.pickup_on)), ())
            ORDER BY 3, 1, 2
            """).ToListAsync(cancellationToken);

    /// <summary>Proposals by the Seoul month they were made in; suspended ones are left out.</summary>
    private Task<List<ProposalAggregate>> ProposalsAsync(DateOnly from, DateOnly to, string municipality, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ProposalAggregate>($"""
            SELECT p.municipality, p.category, to_char(date_trunc('month', p.created_at AT TIME ZONE 'Asia/Seoul'), 'YYYY-MM') AS month,
                   count(*)::integer AS proposals,
                   (count(*) FILTER (WHERE p.status = 'TakenUp'))::integer AS taken_up,
                   (count(*) FILTER (WHERE p.status = 'Accepted'))::integer AS accepted,
                   (count(*) FILTER (WHERE p.status = 'Declined'))::integer AS declined,
                   coalesce(sum((SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)), 0)::integer AS supports
            FROM proposals p
            WHERE p.created_at AT TIME ZONE 'Asia/Seoul' >= {from}::timestamp
              AND p.created_at AT TIME ZONE 'Asia/Seoul' < ({to}::date + interval '1 month')
              AND p.standing = 'Shown'
              AND ({municipality} = '' OR p.municipality = {municipality})
            GROUP BY GROUPING SETS ((p.municipality, p.category, date_trunc('month', p.created_at AT TIME ZONE 'Asia/Seoul')), ())
            ORDER BY 3, 1, 2
            """).ToListAsync(cancellationToken);

    /// <summary>
    /// Shown reviews by the Seoul month they were written in, by their listing's municipality and category (a resource's
    /// category, "Lab" or "Circle").
    /// </summary>
    private Task<List<RatingAggregate>> RatingsAsync(DateOnly from, DateOnly to, string municipality, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<RatingAggregate>($"""
            SELECT x.municipality, x.category, to_char(date_trunc('month', v.created_at AT TIME ZONE 'Asia/Seoul'), 'YYYY-MM') AS month,
                   count(*)::integer AS reviews, avg(v.rating)::double precision AS average
            FROM reviews v
            JOIN (SELECT id, municipality, category, 'Resource' AS type FROM resources
                  UNION ALL SELECT id, municipality, 'Lab', 'Lab' FROM labs
                  UNION ALL SELECT id, municipality, 'Circle', 'Circle' FROM circles) x
              ON x.id = v.listing_id AND x.type = v.listing_type
            WHERE v.created_at AT TIME ZONE 'Asia/Seoul' >= {from}::timestamp
              AND v.created_at AT TIME ZONE 'Asia/Seoul' < ({to}::date + interval '1 month')
              AND v.standing = 'Shown'
              AND ({municipality} = '' OR x.municipality = {municipality})
            GROUP BY GROUPING SETS ((x.municipality, x.category, date_trunc('month', v.created_at AT TIME ZONE 'Asia/Seoul')), ())
            ORDER BY 3, 1, 2
            """).ToListAsync(cancellationToken);
}
