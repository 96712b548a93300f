using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Resources;
using SharingPlatform.Application.Stories;

namespace SharingPlatform.Application.Home;

/// <summary>
/// What a search engine may list (sitemap.xml): the published resources and labs, the active circles, the proposals
/// shown and the published stories, latest change first.
/// </summary>
public sealed record ListPublicPages : IQuery<PublicPages>;

/// <summary>A page by its id, and when it last changed where that is known.</summary>
public sealed record PublicPage(Guid Id, DateTimeOffset? ChangedAt);

public sealed record PublicPages(
    IReadOnlyList<PublicPage> Resources, IReadOnlyList<PublicPage> Labs, IReadOnlyList<PublicPage> Circles, IReadOnlyList<PublicPage> Proposals,
    IReadOnlyList<PublicPage> Stories);

public sealed class ListPublicPagesHandler(IApplicationDbContext db) : IQueryHandler<ListPublicPages, PublicPages>
{
    /// <summary>A sitemap holds at most 50,000 addresses; four kinds and the fixed pages stay under it.</summary>
    public const int MaxPerKind = 12_000;

    public async ValueTask<PublicPages> Handle(ListPublicPages query, CancellationToken cancellationToken)
    {
        var resources = await ResourceAccess.PubliclyVisible(db).AsNoTracking()
            .OrderByDescending(r => r.UpdatedAt).Take(MaxPerKind)
            .Select(r => new PublicPage(r.Id, r.UpdatedAt)).ToListAsync(cancellationToken);
        var labs = await LabAccess.PubliclyVisible(db).AsNoTracking()
            .OrderByDescending(l => l.UpdatedAt).Take(MaxPerKind)
            .Select(l => new PublicPage(l.Id, l.UpdatedAt)).ToListAsync(cancellationToken);
        var circles = await CircleAccess.PubliclyVisible(db).AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).Take(MaxPerKind)
            .Select(c => new PublicPage(c.Id, null)).ToListAsync(cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.Standing == ContentStanding.Shown)
            .OrderByDescending(p => p.SettledAt ?? p.CreatedAt).Take(MaxPerKind)
            .Select(p => new PublicPage(p.Id, p.SettledAt ?? p.CreatedAt)).ToListAsync(cancellationToken);
        var stories = await db.Published().OrderByDescending(s => s.UpdatedAt).Take(MaxPerKind)
            .Select(s => new PublicPage(s.Id, s.UpdatedAt)).ToListAsync(cancellationToken);
        return new PublicPages(resources, labs, circles, proposals, stories);
    }
}
