namespace SharingPlatform.Application.Common;

/// <summary>
/// One page of a list: <c>{ items, page, pageSize, totalCount, totalCountCapped }</c>. A list that counts no further than
/// <see cref="Paging.CountCap"/> says <see cref="TotalCountCapped"/> when more match: there are more than
/// <see cref="TotalCount"/>.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalCountCapped = false);

public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>The last page anyone may ask for: past it, (page - 1) * pageSize would overflow or scan the whole table.</summary>
    public const int MaxPage = 10_000;

    /// <summary>How far the resource search counts: a count of every match would read every match, whatever the page.</summary>
    public const int CountCap = 1_000;

    /// <summary>
    /// How many of <paramref name="matches"/> there are, counting no further than <see cref="CountCap"/>: the count and
    /// whether there are more.
    /// </summary>
    public static async Task<(int Count, bool Capped)> CappedCountAsync<T>(this IQueryable<T> matches, CancellationToken cancellationToken)
    {
        var counted = await matches.Take(CountCap + 1).CountAsync(cancellationToken);
        return (Math.Min(counted, CountCap), counted > CountCap);
    }

    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }

    public static void ValidPage<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int>> page, System.Linq.Expressions.Expression<Func<T, int>> pageSize)
    {
        validator.RuleFor(page).InclusiveBetween(1, MaxPage);
        validator.RuleFor(pageSize).InclusiveBetween(1, MaxPageSize);
    }
}
