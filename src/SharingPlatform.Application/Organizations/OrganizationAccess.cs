using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>Who may see and manage an organization. Whoever may not see it gets 404, not a 403 that confirms it exists.</summary>
public static class OrganizationAccess
{
    public static Task<bool> IsMemberAsync(this IApplicationDbContext db, Guid organizationId, Guid userId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken);

    public static Exception NotFound() =>
        new NotFoundException(Texts.Get("NoSuchOrganization"));

    public static Exception NotOwner() =>
        new ForbiddenException(Texts.Get("OnlyOrganizationOwners"));

    public static Task<bool> IsOwnerAsync(this IApplicationDbContext db, Guid organizationId, Guid userId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId && m.Role == MemberRole.Owner, cancellationToken);

    /// <summary>Loads an organization with its members for one of them (e.g. to leave it); whoever is not a member gets 404.</summary>
    public static async Task<Organization> LoadForMemberAsync(this IApplicationDbContext db, Guid organizationId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var organization = await db.Organizations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return organization is not null && organization.IsMember(userId) ? organization : throw NotFound();
    }

    /// <summary>
    /// Answers 404 or 403 unless the caller is an owner of the organization or an administrator: for what only owners
    /// read (its invitations), which a suspension does not hide.
    /// </summary>
    public static async Task RequireOwnerAsync(this IApplicationDbContext db, Guid organizationId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (currentUser.IsInRole(Roles.Administrator))
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
                throw NotFound();
            return;
        }

        var role = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId)
            .Select(m => (MemberRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        if (role is null)
            throw NotFound();
        if (role != MemberRole.Owner)
            throw NotOwner();
    }

    /// <summary>Loads an organization with its members for its owner to change; a member who is not an owner gets 403.</summary>
    public static async Task<Organization> LoadForOwnerAsync(this IApplicationDbContext db, Guid organizationId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var organization = await db.Organizations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null || (!organization.IsMember(userId) && !currentUser.IsInRole(Roles.Administrator)))
            throw NotFound();
        if (!organization.IsOwner(userId) && !currentUser.IsInRole(Roles.Administrator))
            throw NotOwner();
        if (organization.Status == OrganizationStatus.Suspended && !currentUser.IsInRole(Roles.Administrator))
            throw OrganizationSuspension.Suspended();
        return organization;
    }
}
