using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Loans;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// The units of a lent resource, counted per day by the database in <c>loan_days</c>, and the only place that takes or
/// gives them back. A loan takes its units on every one of its days in one atomic UPDATE that only touches days with
/// enough units left; racing requests queue on the rows and each sees what the one before left, and the check constraint
/// keeps any day from promising more units than exist. Everything happens in the caller's transaction.
/// </summary>
public static class LoanUnits
{
    public const string UnavailableCode = "units_unavailable";

    /// <summary>Lends: adds the loan (not saved) with its units taken on each day; 409 <c>units_unavailable</c> naming the short days.</summary>
    public static async Task LendAsync(this IApplicationDbContext db, SharedResource resource, Loan loan, CancellationToken cancellationToken)
    {
        var units = resource.Lending!.Units;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO loan_days (resource_id, day, units, units_taken)
            SELECT {resource.Id}, d::date, {units}, 0 FROM generate_series({loan.PickupOn}::date, {loan.ReturnOn}::date, interval '1 day') AS d
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        var taken = await db.Database.SqlQuery<DateOnly>($"""
            UPDATE loan_days SET units = {units}, units_taken = units_taken + {loan.Units}
            WHERE resource_id = {resource.Id} AND day BETWEEN {loan.PickupOn} AND {loan.ReturnOn} AND units_taken + {loan.Units} <= {units}
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

    /// <summary><paramref name="units"/> units of a loan are free again on its days from <paramref name="from"/> on (a return before the return day).</summary>
    public static async Task GiveBackAsync(this IApplicationDbContext db, Loan loan, int units, DateOnly from, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE loan_days SET units_taken = units_taken - {units}
            WHERE resource_id = {loan.ResourceId} AND day BETWEEN {(from > loan.PickupOn ? from : loan.PickupOn)} AND {loan.ReturnOn}
                AND units_taken >= {units}
            """, cancellationToken);

    /// <summary>How many units are left on each day of [from, to]: all of them on a day no loan has taken yet.</summary>
    public static async Task<Dictionary<DateOnly, int>> LeftAsync(
        this IApplicationDbContext db, SharedResource resource, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var taken = await db.LoanDays.AsNoTracking()
            .Where(d => d.ResourceId == resource.Id && d.Day >= from && d.Day <= to)
            .ToDictionaryAsync(d => d.Day, d => d.UnitsTaken, cancellationToken);
        return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .ToDictionary(day => day, day => Math.Max(0, resource.Lending!.Units - taken.GetValueOrDefault(day)));
    }
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
