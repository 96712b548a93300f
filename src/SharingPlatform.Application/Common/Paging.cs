namespace SharingPlatform.Application.Common;

/// <summary>One page of a list: <c>{ items, page, pageSize, totalCount }</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>The last page anyone may ask for: past it, (page - 1) * pageSize would overflow or scan the whole table.</summary>
    public const int MaxPage = 10_000;

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
