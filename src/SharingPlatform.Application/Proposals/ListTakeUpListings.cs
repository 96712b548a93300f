using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Proposals;

/// <summary>The published listings of the caller's organizations: what they may take a proposal up with.</summary>
public sealed record ListTakeUpListings : IQuery<IReadOnlyList<TakeUpListing>>;

public sealed record TakeUpListing(Guid Id, string Title, string OrganizationName);

public sealed class ListTakeUpListingsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListTakeUpListings, IReadOnlyList<TakeUpListing>>
{
    private const int Limit = 200;

    public async ValueTask<IReadOnlyList<TakeUpListing>> Handle(ListTakeUpListings query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.PubliclyVisible().AsNoTracking().OfOrganizationsOf(db, userId)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r.Id, r.Title, OrganizationName = o.Name })
            .OrderBy(l => l.OrganizationName).ThenBy(l => l.Title).ThenBy(l => l.Id)
            .Take(Limit)
            .Select(l => new TakeUpListing(l.Id, l.Title, l.OrganizationName))
            .ToListAsync(cancellationToken);
    }
}
