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
    /// One page of <paramref name="ordered"/>, counted no further than <see cref="CountCap"/>. A page among the first
    /// 1,000 (nearly every page anyone asks for) is read from the first 1,001 in order, which PostgreSQL counts beside
    /// it (<see cref="RowsInAnswer"/>): one query, and only the page's rows leave the database. A page past the last
    /// match, or deeper than the cap, counts <paramref name="matches"/> (the same, unordered) up to the cap.
    /// </summary>
    public static async Task<PagedList<T>> ToCappedPagedListAsync<T>(
        this IQueryable<T> ordered, IQueryable<T> matches, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        if (skip + pageSize <= CountCap)
        {
            var rows = await ordered.Take(CountCap + 1).Skip(skip).Take(pageSize)
                .Select(item => new Counted<T>(item, RowsInAnswer()))
                .ToListAsync(cancellationToken);
            if (rows.Count > 0 || page == 1)
            {
                var first = rows.Count == 0 ? 0 : rows[0].Rows;
                return new PagedList<T>([.. rows.Select(r => r.Item)], page, pageSize, (int)Math.Min(first, CountCap), first > CountCap);
            }
        }

        var counted = await matches.Take(CountCap + 1).CountAsync(cancellationToken);
        var items = await ordered.Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, Math.Min(counted, CountCap), counted > CountCap);
    }

    /// <summary>
    /// One page of <paramref name="query"/> and the count of all of it. The page is read first: when it is the last
    /// (not full, and not past the end), it gives the count, and only a full or an empty page asks for the count as well.
    /// A person's own lists (their bookings, notifications, requests) mostly fit in one page: one query each.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        var items = await query.Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
        var total = items.Count < pageSize && (items.Count > 0 || page == 1)
            ? skip + items.Count
            : await query.CountAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>
    /// In a query's projection, the number of rows its FROM gives before its own OFFSET and LIMIT
    /// (<c>count(*) OVER ()</c>, mapped in the model); never called in .NET.
    /// </summary>
    public static long RowsInAnswer() => throw new InvalidOperationException("RowsInAnswer is translated to SQL only.");

    private sealed record Counted<T>(T Item, long Rows);

    public static void ValidPage<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int>> page, System.Linq.Expressions.Expression<Func<T, int>> pageSize)
    {
        validator.RuleFor(page).InclusiveBetween(1, MaxPage);
        validator.RuleFor(pageSize).InclusiveBetween(1, MaxPageSize);
    }
}
