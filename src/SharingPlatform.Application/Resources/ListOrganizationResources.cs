using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Resources;

/// <summary>Every resource of an organization in any state, with its review outcome: for its members and administrators.</summary>
public sealed record ListOrganizationResources(Guid OrganizationId) : IQuery<IReadOnlyList<OrganizationResourceRow>>;

public sealed record OrganizationResourceRow(Guid Id, string Title, ResourceCategory Category, ResourceStatus Status, string? StatusReason, DateTimeOffset UpdatedAt, bool Lent);

public sealed class ListOrganizationResourcesHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListOrganizationResources, IReadOnlyList<OrganizationResourceRow>>
{
    public async ValueTask<IReadOnlyList<OrganizationResourceRow>> Handle(ListOrganizationResources query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (!currentUser.IsInRole(Roles.Administrator) && !await db.IsMemberAsync(query.OrganizationId, userId, cancellationToken))
            throw OrganizationAccess.NotFound();
        return await db.Resources.AsNoTracking()
            .Where(r => r.OrganizationId == query.OrganizationId)
            .OrderByDescending(r => r.UpdatedAt)
            .Select(r => new OrganizationResourceRow(r.Id, r.Title, r.Category, r.Status, r.StatusReason, r.UpdatedAt, r.Lending != null))
            .ToListAsync(cancellationToken);
    }
}
