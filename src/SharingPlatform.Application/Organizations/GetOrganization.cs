using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>
/// One organization. Anyone sees a verified one; its members and administrators see it in any state, with its members.
/// </summary>
public sealed record GetOrganization(Guid Id) : IQuery<OrganizationDetails>;

public sealed record OrganizationDetails(OrganizationView Organization, IReadOnlyList<MemberView>? Members, MemberRole? MyRole);

public sealed class GetOrganizationHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetOrganization, OrganizationDetails>
{
    public async ValueTask<OrganizationDetails> Handle(GetOrganization query, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == query.Id)
            .Select(OrganizationView.FromEntity).SingleOrDefaultAsync(cancellationToken)
            ?? throw OrganizationAccess.NotFound();

        var userId = currentUser.Id;
        var myRole = userId is null
            ? null
            : await db.OrganizationMembers.Where(m => m.OrganizationId == query.Id && m.UserId == userId)
                .Select(m => (MemberRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        var insider = myRole is not null || currentUser.IsInRole(Roles.Administrator);
        if (!insider && organization.Status != OrganizationStatus.Verified)
            throw OrganizationAccess.NotFound();
        if (!insider)
            return new OrganizationDetails(organization, null, null);

        var members = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == query.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.AddedAt, m.Role, u.Id, u.Email, u.DisplayName })
            .OrderBy(m => m.AddedAt)
            .Select(m => new MemberView(m.Id, m.Email!, m.DisplayName, m.Role, m.AddedAt))
            .ToListAsync(cancellationToken);
        return new OrganizationDetails(organization, members, myRole);
    }
}
