namespace SharingPlatform.Application.Resources;

/// <summary>
/// The resources of every organization the person belongs to, in any state, by title: what the incoming bookings and
/// the lending desk filter by. One query, however many organizations.
/// </summary>
public sealed record ListResourcesOfMyOrganizations(bool LentOnly = false) : IQuery<IReadOnlyList<MyOrganizationsResource>>;

public sealed record MyOrganizationsResource(Guid Id, string Title);

public sealed class ListResourcesOfMyOrganizationsHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListResourcesOfMyOrganizations, IReadOnlyList<MyOrganizationsResource>>
{
    public async ValueTask<IReadOnlyList<MyOrganizationsResource>> Handle(ListResourcesOfMyOrganizations query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var resources = db.Resources.AsNoTracking().OfOrganizationsOf(db, userId);
        if (query.LentOnly)
            resources = resources.Where(r => r.Lending != null);
        var rows = await resources.Select(r => new MyOrganizationsResource(r.Id, r.Title)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Title, StringComparer.CurrentCulture)];
    }
}
