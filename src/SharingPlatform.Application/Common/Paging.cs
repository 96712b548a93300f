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
    /// 1,000 (nearly every page anyone asks for) takes the first 1,001 in order in one query, which also counts them;
    /// a deeper page counts <paramref name="matches"/> (the same, unordered) up to the cap and reads its page.
    /// </summary>
    public static async Task<PagedList<T>> ToCappedPagedListAsync<T>(
        this IQueryable<T> ordered, IQueryable<T> matches, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        if (skip + pageSize <= CountCap)
        {
            var first = await ordered.Take(CountCap + 1).ToListAsync(cancellationToken);
            return new PagedList<T>([.. first.Skip(skip).Take(pageSize)], page, pageSize, Math.Min(first.Count, CountCap), first.Count > CountCap);
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
    public static Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken) =>
        query.ToPagedListAsync(rows => rows, page, pageSize, cancellationToken);

    /// <summary>
    /// The same, for rows shown in a <paramref name="shape"/> that joins one row of other tables to each (a booking with its
    /// resource's title and its booker's name): the rows themselves are counted, without the joins.
    /// </summary>
    public static async Task<PagedList<TView>> ToPagedListAsync<TRow, TView>(
        this IQueryable<TRow> rows, Func<IQueryable<TRow>, IQueryable<TView>> shape, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        var items = await shape(rows).Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
        var total = items.Count < pageSize && (items.Count > 0 || page == 1)
            ? skip + items.Count
            : await rows.CountAsync(cancellationToken);
        return new PagedList<TView>(items, page, pageSize, total);
    }

    public static void ValidPage<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int>> page, System.Linq.Expressions.Expression<Func<T, int>> pageSize)
    {
        validator.RuleFor(page).InclusiveBetween(1, MaxPage);
        validator.RuleFor(pageSize).InclusiveBetween(1, MaxPageSize);
    }
}
