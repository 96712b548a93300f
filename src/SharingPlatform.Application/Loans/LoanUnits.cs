namespace SharingPlatform.Application.Loans;

/// <summary>
/// The units of a lent resource, counted per day by the database in <c>loan_days</c>, and the only place that takes or
/// gives them back, to loans or out of service. A loan takes its units on every one of its days in one atomic UPDATE that
/// only touches days with enough units left (neither promised nor out of service); racing requests and outages queue on
/// the rows and each sees what the one before left, and the check constraints keep any day from promising more units
/// than exist. Everything happens in the caller's transaction.
/// </summary>
public static class LoanUnits
{
    public const string UnavailableCode = "units_unavailable";

    /// <summary>Lends: adds the loan (not saved) with its units taken on each day; 409 <c>units_unavailable</c> naming the short days.</summary>
    public static async Task LendAsync(this IApplicationDbContext db, SharedResource resource, Loan loan, CancellationToken cancellationToken)
    {
        var units = resource.Lending!.Units;
        await db.AddDaysAsync(resource.Id, loan.PickupOn, loan.ReturnOn, cancellationToken);
        var taken = await db.Database.SqlQuery<DateOnly>($"""
            UPDATE loan_days SET units = {units}, units_taken = units_taken + {loan.Units}
            WHERE resource_id = {resource.Id} AND day BETWEEN {loan.PickupOn} AND {loan.ReturnOn}
                AND units_taken + units_out_of_service + units_held_late + {loan.Units} <= {units}
            RETURNING day AS "Value"
            """).ToListAsync(cancellationToken);
        var shortDays = loan.Days.Except(taken).ToList();
        if (shortDays.Count > 0)
            throw new UnitsUnavailableException(shortDays);
        db.Loans.Add(loan);
    }

    /// <summary>The units of a loan called off before it went out are free again on all its days.</summary>
    public static Task GiveBackAsync(this IApplicationDbContext db, Loan loan, CancellationToken cancellationToken) =>
        db.GiveBackAsync(loan, loan.Units, loan.PickupOn, cancellationToken);

    /// <summary>
    /// <paramref name="units"/> units of a loan are free again on its days from <paramref name="from"/> on: a return
    /// before the return day, or of an overdue loan (then the days it held them late), or units written off.
    /// </summary>
    public static async Task GiveBackAsync(this IApplicationDbContext db, Loan loan, int units, DateOnly from, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE loan_days SET units_taken = units_taken - {units}
            WHERE resource_id = {loan.ResourceId} AND day BETWEEN {(from > loan.PickupOn ? from : loan.PickupOn)} AND {loan.ReturnOn}
                AND units_taken >= {units}
            """, cancellationToken);
        if (loan.LateDaysFrom(from) is var (first, last))
            await db.Database.ExecuteSqlAsync($"""
                UPDATE loan_days SET units_held_late = units_held_late - {units}
                WHERE resource_id = {loan.ResourceId} AND day BETWEEN {first} AND {last} AND units_held_late >= {units}
                """, cancellationToken);
    }

    /// <summary>
    /// An overdue loan's units still out are held on the days after its return day up to <paramref name="through"/>; answers
    /// the loans promised before on a day now short (see <see cref="ShortLoansAsync"/>) whose pick-up falls on a day newly held.
    /// </summary>
    public static async Task<IReadOnlyList<Loan>> HoldLateAsync(this IApplicationDbContext db, Loan loan, DateOnly through, CancellationToken cancellationToken)
    {
        if (loan.HoldLate(through) is not var (from, to))
            return [];
        await db.AddDaysAsync(loan.ResourceId, from, to, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE loan_days SET units_held_late = units_held_late + {loan.UnitsStillOut}
            WHERE resource_id = {loan.ResourceId} AND day BETWEEN {from} AND {to}
            """, cancellationToken);
        return (await db.ShortLoansAsync(loan.ResourceId, from, to, cancellationToken)).Where(l => l.PickupOn >= from).ToList();
    }

    /// <summary>
    /// Takes the outage's units out of service on its days (the outage is added, not saved). Always possible while no day
    /// would have more units out of service than exist (422 <c>outage_units_invalid</c>): loans promised before may now be
    /// short, and the answer names them, to be warned.
    /// </summary>
    public static async Task<IReadOnlyList<Loan>> TakeOutOfServiceAsync(
        this IApplicationDbContext db, SharedResource resource, UnitOutage outage, CancellationToken cancellationToken)
    {
        var units = resource.Lending!.Units;
        await db.AddDaysAsync(resource.Id, outage.FirstDay, outage.LastDay, cancellationToken);
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE loan_days SET units = {units}, units_out_of_service = units_out_of_service + {outage.Units}
            WHERE resource_id = {resource.Id} AND day BETWEEN {outage.FirstDay} AND {outage.LastDay}
                AND units_out_of_service + {outage.Units} <= {units}
            """, cancellationToken);
        if (changed != outage.Days.Count())
            throw new DomainRuleException("outage_units_invalid", Texts.Get("Rule_outage_units_invalid", units), units);
        db.UnitOutages.Add(outage);
        return await db.ShortLoansAsync(resource.Id, outage.FirstDay, outage.LastDay, cancellationToken);
    }

    /// <summary>
    /// The loans not yet handed over (tracked) that fall on a day of [from, to] with fewer units than promised, because
    /// units went out of service or stayed out late after they were promised.
    /// </summary>
    public static async Task<IReadOnlyList<Loan>> ShortLoansAsync(
        this IApplicationDbContext db, Guid resourceId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var shortDays = await db.ShortDays(resourceId, from, to).ToListAsync(cancellationToken);
        if (shortDays.Count == 0)
            return [];
        var first = shortDays.Min();
        var last = shortDays.Max();
        var candidates = await db.Loans.Where(l => l.ResourceId == resourceId && (l.Status == LoanStatus.Requested || l.Status == LoanStatus.Confirmed)
                && l.PickupOn <= last && l.ReturnOn >= first)
            .ToListAsync(cancellationToken);
        return candidates.Where(l => l.Days.Any(shortDays.Contains)).ToList();
    }

    /// <summary>The days of [from, to] on which loans, outages and late units together hold more units than exist.</summary>
    public static IQueryable<DateOnly> ShortDays(this IApplicationDbContext db, Guid resourceId, DateOnly from, DateOnly to) =>
        db.LoanDays.Where(d => d.ResourceId == resourceId && d.Day >= from && d.Day <= to
                && d.UnitsTaken + d.UnitsOutOfService + d.UnitsHeldLate > d.Units)
            .Select(d => d.Day);

    /// <summary>An outage ended early: its units lend again on its days from <paramref name="from"/> on.</summary>
    public static async Task BackInServiceAsync(this IApplicationDbContext db, UnitOutage outage, DateOnly from, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE loan_days SET units_out_of_service = units_out_of_service - {outage.Units}
            WHERE resource_id = {outage.ResourceId} AND day BETWEEN {from} AND {outage.LastDay} AND units_out_of_service >= {outage.Units}
            """, cancellationToken);

    /// <summary>
    /// The resource now lends <paramref name="lending"/>'s units (none: it stopped lending) from <paramref name="today"/> on:
    /// refused with 409 <c>units_promised</c> while loans or outages hold more units than that on some day: the check
    /// constraint decides, and <see cref="ConstraintCodes"/> names it for the API and the pages.
    /// </summary>
    public static async Task RecountAsync(this IApplicationDbContext db, Guid resourceId, LendingPolicy? lending, DateOnly today, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE loan_days SET units = {lending?.Units ?? 0} WHERE resource_id = {resourceId} AND day >= {today}", cancellationToken);

    /// <summary>How many units are left on each day of [from, to]: all of them on a day no loan, outage or late unit has taken yet.</summary>
    public static async Task<Dictionary<DateOnly, int>> LeftAsync(
        this IApplicationDbContext db, SharedResource resource, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var taken = await db.LoanDays.AsNoTracking()
            .Where(d => d.ResourceId == resource.Id && d.Day >= from && d.Day <= to)
            .ToDictionaryAsync(d => d.Day, d => d.UnitsTaken + d.UnitsOutOfService + d.UnitsHeldLate, cancellationToken);
        return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .ToDictionary(day => day, day => Math.Max(0, resource.Lending!.Units - taken.GetValueOrDefault(day)));
    }

    /// <summary>The counters of [from, to] exist, so that the UPDATEs that take units can lock and check every day.</summary>
    /// <summary>The days of [from, to] that no loan, outage or late unit has counted yet, each with the resource's units.</summary>
    private static async Task AddDaysAsync(this IApplicationDbContext db, Guid resourceId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO loan_days (resource_id, day, units, units_taken, units_out_of_service, units_held_late)
            SELECT r.id, d::date, (r.lending ->> 'units')::int, 0, 0, 0
            FROM resources r, generate_series({from}::date, {to}::date, interval '1 day') AS d
            WHERE r.id = {resourceId} AND r.lending IS NOT NULL
            ON CONFLICT DO NOTHING
            """, cancellationToken);
}

/// <summary>Not enough units are left on some days of a loan (→ 409 <c>units_unavailable</c>); <see cref="Days"/> names them.</summary>
public sealed class UnitsUnavailableException(IReadOnlyList<DateOnly> days) : ConflictException(
    Texts.Get("UnitsUnavailable", string.Join(", ", days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))), LoanUnits.UnavailableCode),
    IRefusalDetails
{
    public IReadOnlyList<DateOnly> Days { get; } = days;

    public IReadOnlyDictionary<string, object?> ProblemFields =>
        new Dictionary<string, object?> { ["days"] = Days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList() };
}
