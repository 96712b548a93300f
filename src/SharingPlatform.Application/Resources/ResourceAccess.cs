using SharingPlatform.Application.Organizations;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Resources;

/// <summary>
/// Who may see and change a resource. The public sees published resources of verified organizations; the owning
/// organization's members and administrators see every state; only members change it, and not while the organization is suspended (409 organization_suspended). Anyone else gets 404.
/// </summary>
public static class ResourceAccess
{
    public static Exception NotFound() => new NotFoundException(Texts.Get("NoSuchResource"));

    public static IQueryable<SharedResource> PubliclyVisible(this IApplicationDbContext db) => db.Resources.PubliclyVisible(db);

    public static IQueryable<SharedResource> PubliclyVisible(this IQueryable<SharedResource> resources, IApplicationDbContext db) =>
        resources.Where(r => r.Status == ResourceStatus.Published
            && db.Organizations.Any(o => o.Id == r.OrganizationId && o.Status == OrganizationStatus.Verified));

    /// <summary>The resources, in any state, of every organization <paramref name="userId"/> belongs to.</summary>
    public static IQueryable<SharedResource> OfOrganizationsOf(this IQueryable<SharedResource> resources, IApplicationDbContext db, Guid userId) =>
        resources.Where(r => db.OrganizationMembers.Any(m => m.OrganizationId == r.OrganizationId && m.UserId == userId));

    public static async Task<SharedResource> LoadForMemberAsync(this IApplicationDbContext db, Guid resourceId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        await db.RequireMemberToChangeAsync(resourceId, currentUser, cancellationToken);
        return await db.Resources.Include(r => r.Photos).SingleAsync(r => r.Id == resourceId, cancellationToken);
    }

    /// <summary>
    /// The resource with its photos, its row locked first inside the caller's transaction (after
    /// <see cref="RequireMemberToChangeAsync"/>): photo changes of one resource take turns, so the limit of eight holds
    /// however many uploads arrive at once.
    /// </summary>
    public static async Task<SharedResource> LockWithPhotosAsync(this IApplicationDbContext db, Guid resourceId, CancellationToken cancellationToken)
    {
        await db.LockResourceAsync(resourceId, cancellationToken);
        return await db.Resources.Include(r => r.Photos).SingleAsync(r => r.Id == resourceId, cancellationToken);
    }

    /// <summary>404 unless the caller is a member of the resource's organization, 409 while the organization is suspended; loads nothing.</summary>
    public static async Task RequireMemberToChangeAsync(this IApplicationDbContext db, Guid resourceId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var organizationId = await db.Resources.Where(r => r.Id == resourceId).Select(r => (Guid?)r.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        if (organizationId is not { } id || !await db.IsMemberAsync(id, userId, cancellationToken))
            throw NotFound();
        await db.RequireNotSuspendedAsync(id, cancellationToken);
    }

    public static async Task RequireVerifiedAsync(this IApplicationDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var status = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Status).SingleAsync(cancellationToken);
        if (status != OrganizationStatus.Verified)
            throw new DomainRuleException("organization_not_verified", Texts.Get("OrganizationNotVerifiedToPublish"));
    }
}
