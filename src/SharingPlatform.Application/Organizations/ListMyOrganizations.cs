using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>The organizations the signed-in person belongs to, with their role ("my organization").</summary>
public sealed record ListMyOrganizations : IQuery<IReadOnlyList<MyOrganizationView>>;

public sealed record MyOrganizationView(Guid Id, string Name, OrganizationStatus Status, MemberRole Role);

public sealed class ListMyOrganizationsHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListMyOrganizations, IReadOnlyList<MyOrganizationView>>
{
    public async ValueTask<IReadOnlyList<MyOrganizationView>> Handle(ListMyOrganizations query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        return await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, o.Status, m.Role })
            .OrderBy(o => o.Name)
            .Select(o => new MyOrganizationView(o.Id, o.Name, o.Status, o.Role))
            .ToListAsync(cancellationToken);
    }
}
